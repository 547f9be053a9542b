using MedSsl.Torch.Native;

namespace MedSsl.Torch;

/// <summary>
/// torchvision's names for image work in C#: <c>torchvision.io</c> (codecs, libjpeg-turbo and libpng in
/// the native shim) and <c>torchvision.transforms.functional</c> (resampling).
/// </summary>
public static partial class torchvision
{
    /// <summary>
    /// Image files ↔ uint8 [C, H, W] tensors, as torchvision.io. Decoding is native and thread-safe (loader
    /// workers call it concurrently). Corrupt, truncated or unsupported data raises InvalidDataException;
    /// the read_* functions put the path in front of the message.
    /// </summary>
    public static unsafe class io
    {
        /// <summary>A file's bytes as a uint8 1-D tensor.</summary>
        public static Tensor read_file(string path)
        {
            var bytes = File.ReadAllBytes(path);
            return Tensor.FromBytes(bytes, new long[] { bytes.Length }, ScalarType.Byte);
        }

        /// <summary>Decodes a JPEG or PNG file (by content, not extension).</summary>
        public static Tensor read_image(string path, ImageReadMode mode = ImageReadMode.UNCHANGED)
        {
            var bytes = File.ReadAllBytes(path);
            return Named(path, () => decode_image(bytes, mode));
        }

        /// <summary>Decodes a JPEG (libjpeg-turbo, bit-exact with PIL and torchvision at full size).
        /// <paramref name="min_size"/> (a kit extension): decode at the smallest DCT-domain scale of 1/2, 1/4 or
        /// 1/8 that is still at least this (height, width): several times faster when the image is then shrunk.</summary>
        public static Tensor decode_jpeg(ReadOnlySpan<byte> data, ImageReadMode mode = ImageReadMode.UNCHANGED,
                                         (int height, int width)? min_size = null)
        {
            var (h, w) = min_size ?? (0, 0);
            fixed (byte* p = data)
                return Decoded(LibNative.mt_image_decode_jpeg(p, data.Length, CheckMode(mode), h, w), nameof(decode_jpeg));
        }

        /// <summary>Decodes a PNG of any colour type and bit depth. 16-bit samples are rounded to 8 bits
        /// (v / 257), or with <paramref name="allow_16_bits"/> kept as int32 0..65535 (torchvision's convention).
        /// tRNS transparency is ignored; alpha channels survive only in UNCHANGED mode.</summary>
        public static Tensor decode_png(ReadOnlySpan<byte> data, ImageReadMode mode = ImageReadMode.UNCHANGED,
                                        bool allow_16_bits = false)
        {
            fixed (byte* p = data)
                return Decoded(LibNative.mt_image_decode_png(p, data.Length, CheckMode(mode), allow_16_bits ? 1 : 0), nameof(decode_png));
        }

        /// <summary>Decodes a JPEG or PNG by content. With <paramref name="size"/> (a kit extension) the image is
        /// resized in the same native call (antialiased bilinear). A JPEG is first decoded at 1/2, 1/4 or 1/8 scale in
        /// the DCT domain while that still leaves <paramref name="reducing_gap"/> times the size (PIL's draft and
        /// reducing_gap): at the default 1.5 the result stays within about one grey level (mean) of a full decode
        /// then resize, at a fraction of the cost; null decodes at full size, matching that pipeline exactly.</summary>
        public static Tensor decode_image(ReadOnlySpan<byte> data, ImageReadMode mode = ImageReadMode.UNCHANGED,
                                          (int height, int width)? size = null, ResizeFit fit = ResizeFit.Stretch,
                                          double? reducing_gap = DefaultReducingGap)
        {
            var (h, w) = size ?? (0, 0);
            if (size is not null && (h <= 0 || w <= 0))
                throw new ArgumentOutOfRangeException(nameof(size), $"decode_image: size must be positive, got ({h}, {w}).");
            if (reducing_gap is { } g && !(g >= 1))
                throw new ArgumentOutOfRangeException(nameof(reducing_gap), $"decode_image: reducing_gap must be at least 1 (or null), got {g}.");
            fixed (byte* p = data)
                return Decoded(LibNative.mt_image_decode(p, data.Length, CheckMode(mode), h, w, (int)fit, reducing_gap ?? 0),
                               nameof(decode_image));
        }

        /// <summary>decode_image's default: DCT-scale a JPEG only while at least 1.5 times the output size remains.</summary>
        public const double DefaultReducingGap = 1.5;

        public static Tensor decode_jpeg(Tensor data, ImageReadMode mode = ImageReadMode.UNCHANGED) =>
            decode_jpeg(BytesOf(data), mode);
        public static Tensor decode_png(Tensor data, ImageReadMode mode = ImageReadMode.UNCHANGED) =>
            decode_png(BytesOf(data), mode);
        public static Tensor decode_image(Tensor data, ImageReadMode mode = ImageReadMode.UNCHANGED) =>
            decode_image(BytesOf(data), mode);

        /// <summary>PNG bytes (uint8 1-D) of a uint8 image with 1 to 4 channels; level 0..9 as zlib.</summary>
        public static Tensor encode_png(Tensor image, int compression_level = 6) =>
            Tensor.Wrap(LibNative.mt_image_encode_png(image.Handle, compression_level), image);

        /// <summary>JPEG bytes (uint8 1-D) of a uint8 grey or RGB image; RGB uses 4:2:0 chroma like libjpeg's default.</summary>
        public static Tensor encode_jpeg(Tensor image, int quality = 75) =>
            Tensor.Wrap(LibNative.mt_image_encode_jpeg(image.Handle, quality), image);

        public static void write_png(Tensor image, string filename, int compression_level = 6)
        {
            using var bytes = encode_png(image, compression_level);
            File.WriteAllBytes(filename, bytes.bytes());
        }

        public static void write_jpeg(Tensor image, string filename, int quality = 75)
        {
            using var bytes = encode_jpeg(image, quality);
            File.WriteAllBytes(filename, bytes.bytes());
        }

        static int CheckMode(ImageReadMode mode) => mode is ImageReadMode.UNCHANGED or ImageReadMode.GRAY or ImageReadMode.RGB
            ? (int)mode
            : throw new ArgumentOutOfRangeException(nameof(mode), $"Unsupported image read mode {(int)mode}: use UNCHANGED, GRAY or RGB.");

        // Codec failures are data errors, not programming errors: InvalidDataException, as the file readers raise.
        static Tensor Decoded(TensorHandle h, string op) =>
            h.IsInvalid ? throw new InvalidDataException($"{op}: {LibNative.LastError()}") : Tensor.Wrap(h, op: op);

        static ReadOnlySpan<byte> BytesOf(Tensor data) =>
            data.dtype == ScalarType.Byte && data.dim() == 1 && data.device.type == DeviceType.CPU && data.is_contiguous()
                ? data.AsSpan<byte>()
                : throw new ArgumentException($"Expected the encoded bytes as a contiguous uint8 1-D CPU tensor, got {data.Describe()}.");

        static Tensor Named(string path, Func<Tensor> decode)
        {
            try { return decode(); }
            catch (InvalidDataException e) { throw new InvalidDataException($"{path}: {e.Message}", e); }
        }
    }
}
