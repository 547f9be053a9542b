using MedSsl.Torch.Native;

namespace MedSsl.Torch;

public static partial class torch
{
    public static partial class nn
    {
        public static partial class utils
        {
            /// <summary>
            /// Scales the gradients of parameters in place so that their joint norm (as if concatenated)
            /// is at most max_norm, as torch.nn.utils.clip_grad_norm_ (1.13). norm_type may be
            /// double.PositiveInfinity. Returns the joint norm before clipping; parameters without a
            /// gradient are skipped (no gradient at all: a float32 zero).
            /// </summary>
            public static Tensor clip_grad_norm_(IEnumerable<Tensor> parameters, double max_norm, double norm_type = 2.0,
                                                 bool error_if_nonfinite = false)
            {
                var ps = parameters.ToArray();
                var refs = new bool[ps.Length];
                try
                {
                    var raw = new IntPtr[ps.Length];
                    for (var i = 0; i < ps.Length; i++)
                    {
                        ps[i].Handle.DangerousAddRef(ref refs[i]);
                        raw[i] = ps[i].Handle.DangerousGetHandle();
                    }
                    return ClipNative(raw, max_norm, norm_type, error_if_nonfinite);
                }
                finally
                {
                    for (var i = 0; i < ps.Length; i++)
                        if (refs[i]) ps[i].Handle.DangerousRelease();
                }
            }

            public static Tensor clip_grad_norm_(Tensor parameter, double max_norm, double norm_type = 2.0,
                                                 bool error_if_nonfinite = false) =>
                clip_grad_norm_(new[] { parameter }, max_norm, norm_type, error_if_nonfinite);

            static unsafe Tensor ClipNative(IntPtr[] raw, double max_norm, double norm_type, bool error_if_nonfinite)
            {
                fixed (IntPtr* p = raw)
                    return Tensor.Wrap(LibNative.mt_clip_grad_norm_(p, raw.Length, max_norm, norm_type,
                                                                    error_if_nonfinite ? 1 : 0), op: nameof(clip_grad_norm_));
            }
        }
    }
}
