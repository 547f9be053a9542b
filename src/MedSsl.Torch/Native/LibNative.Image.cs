using System.Runtime.InteropServices;

namespace MedSsl.Torch.Native;

// Image codecs and the resampler (image_api.cpp, image_jpeg.cpp, image_png.cpp, image_resize.cpp).
internal static unsafe partial class LibNative
{
    [LibraryImport(L)] internal static partial TensorHandle mt_image_decode_jpeg(byte* data, long size, int mode, long min_h, long min_w);
    [LibraryImport(L)] internal static partial TensorHandle mt_image_decode_png(byte* data, long size, int mode, int allow_16);
    [LibraryImport(L)] internal static partial TensorHandle mt_image_decode(byte* data, long size, int mode, long out_h, long out_w, int fit, double reducing_gap);
    [LibraryImport(L)] internal static partial TensorHandle mt_image_resize(TensorHandle img, long out_h, long out_w);
    [LibraryImport(L)] internal static partial TensorHandle mt_image_encode_png(TensorHandle img, int level);
    [LibraryImport(L)] internal static partial TensorHandle mt_image_encode_jpeg(TensorHandle img, int quality);
}
