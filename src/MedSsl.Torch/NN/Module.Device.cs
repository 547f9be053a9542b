using MedSsl.Torch.Native;

namespace MedSsl.Torch;

public static partial class torch
{
    public static partial class nn
    {
        // Moving a module between devices and dtypes.
        public abstract partial class Module
        {
            /// <summary>
            /// Converts every parameter and buffer in place: each tensor object keeps its identity (as PyTorch's
            /// param.data = ...), so references held elsewhere stay valid; gradients move with their parameters.
            /// dtype touches floating-point tensors only. Create optimizers after moving, as in PyTorch.
            /// </summary>
            internal void MoveTo(ScalarType? dtype, Device? device, bool non_blocking)
            {
                if (dtype is { } dt && !dt.IsFloatingPoint())
                    throw new ArgumentException($"Module.to only accepts floating-point dtypes, got {dt.Name()}.");
                foreach (var m in modules())
                {
                    foreach (var p in m.parameters_.Values) if (p is not null) Move(p, dtype, device, non_blocking);
                    foreach (var b in m.buffers_.Values) if (b is not null) Move(b, dtype, device, non_blocking);
                }
            }

            static void Move(Tensor t, ScalarType? dtype, Device? device, bool non_blocking) =>
                Tensor.Check(LibNative.mt_nn_set_data_to(t.Handle, dtype is null ? -1 : (int)dtype,
                                                         device is null ? -1 : (int)device.type, device?.index ?? -1,
                                                         non_blocking ? 1 : 0), t, op: "Module.to");
        }
    }
}

/// <summary>Module conversions that return the module's own type, so <c>var net = new Net().to(device);</c> keeps it.</summary>
public static class ModuleExtensions
{
    public static T to<T>(this T module, Device device, bool non_blocking = false) where T : torch.nn.Module
    {
        module.MoveTo(null, device, non_blocking);
        return module;
    }

    public static T to<T>(this T module, ScalarType dtype) where T : torch.nn.Module
    {
        module.MoveTo(dtype, null, false);
        return module;
    }

    public static T to<T>(this T module, ScalarType dtype, Device device, bool non_blocking = false) where T : torch.nn.Module
    {
        module.MoveTo(dtype, device, non_blocking);
        return module;
    }

    public static T to<T>(this T module, string device) where T : torch.nn.Module => module.to(Device.Parse(device));
    public static T cuda<T>(this T module, int index = 0) where T : torch.nn.Module => module.to(new Device(DeviceType.CUDA, index));
    public static T cpu<T>(this T module) where T : torch.nn.Module => module.to(torch.CPU);
    public static T @double<T>(this T module) where T : torch.nn.Module => module.to(ScalarType.Float64);
    public static T @float<T>(this T module) where T : torch.nn.Module => module.to(ScalarType.Float32);
    public static T half<T>(this T module) where T : torch.nn.Module => module.to(ScalarType.Float16);
}
