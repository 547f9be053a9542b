using MedSsl.Torch.Native;

namespace MedSsl.Torch;

public static partial class torchvision
{
    public static partial class transforms
    {
        /// <summary>
        /// Resampling of uint8 images ([C, H, W] or [N, C, H, W]) in native code: antialiased bilinear, within one
        /// grey level of torchvision's resize(antialias=True) (the filter of PIL's Image.resize(BILINEAR)).
        /// </summary>
        public static partial class functional
        {
            /// <summary>Resizes to exactly height x width.</summary>
            public static Tensor resize(Tensor img, int height, int width)
            {
                CheckImage(img, nameof(resize));
                if (height <= 0 || width <= 0)
                    throw new ArgumentOutOfRangeException(nameof(height), $"resize: the size must be positive, got ({height}, {width}).");
                return Tensor.Wrap(LibNative.mt_image_resize(img.Handle, height, width), img);
            }

            /// <summary>Resizes the shorter side to <paramref name="size"/>, keeping the aspect ratio (torchvision's
            /// resize(img, size: int): the longer side is truncated, int(size * long / short)).</summary>
            public static Tensor resize(Tensor img, int size)
            {
                CheckImage(img, nameof(resize));
                long h = img.size(-2), w = img.size(-1);
                long shortSide = Math.Min(h, w), longSide = Math.Max(h, w);
                var newLong = (int)(size * longSide / (double)shortSide);
                return w <= h ? resize(img, newLong, size) : resize(img, size, newLong);
            }

            /// <summary>Crops rows top..top+height and columns left..left+width, then resizes the crop (no copy of the crop).</summary>
            public static Tensor resized_crop(Tensor img, int top, int left, int height, int width, int out_height, int out_width)
            {
                CheckImage(img, nameof(resized_crop));
                long h = img.size(-2), w = img.size(-1);
                if (top < 0 || left < 0 || height <= 0 || width <= 0 || top + height > h || left + width > w)
                    throw new ArgumentOutOfRangeException(nameof(top),
                        $"resized_crop: the crop (top {top}, left {left}, {height} x {width}) must lie inside the {h} x {w} image.");
                using var rows = img.narrow(-2, top, height);
                using var crop = rows.narrow(-1, left, width);
                return resize(crop, out_height, out_width);
            }

            static void CheckImage(Tensor img, string op)
            {
                if (img.dtype != ScalarType.Byte || img.dim() is not (3 or 4))
                    throw new ArgumentException(
                        $"{op}: expects a uint8 image [C, H, W] or [N, C, H, W], got {img.Describe()}; convert float images with .mul(255).round().to(uint8) first.");
            }
        }
    }
}
