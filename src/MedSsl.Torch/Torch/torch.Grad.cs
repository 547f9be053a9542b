using MedSsl.Torch.Native;

namespace MedSsl.Torch;

// Grad-mode scopes: using (torch.no_grad()) { ... }
public static partial class torch
{
    public static bool is_grad_enabled() => LibNative.mt_is_grad_enabled() != 0;
    public static void set_grad_enabled(bool enabled) => LibNative.mt_set_grad_enabled(enabled ? 1 : 0);

    /// <summary>Disables gradient tracking on this thread until disposed.</summary>
    public static IDisposable no_grad() => new GradMode(false);
    /// <summary>Enables gradient tracking on this thread until disposed (inside a no_grad block).</summary>
    public static IDisposable enable_grad() => new GradMode(true);

    sealed class GradMode : IDisposable
    {
        readonly bool previous;
        bool disposed;

        internal GradMode(bool enabled)
        {
            previous = is_grad_enabled();
            set_grad_enabled(enabled);
        }

        public void Dispose()
        {
            if (disposed) return;
            disposed = true;
            set_grad_enabled(previous);
        }
    }
}
