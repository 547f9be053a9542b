using MedSsl.Torch.Native;

namespace MedSsl.Torch;

/// <summary>A libtorch error surfaced in .NET: names the op and the shapes/dtypes of its inputs.</summary>
public sealed class TorchException : Exception
{
    public string Op { get; }

    public TorchException(string op, string message) : base(message) => Op = op;

    /// <summary>Builds the exception from the shim's thread-local error.</summary>
    internal static TorchException FromNative(string op, Tensor? a = null, Tensor? b = null, Tensor? c = null)
    {
        var inputs = new[] { a, b, c }.Where(t => t is not null).Select(t => t!.Describe()).ToArray();
        var on = inputs.Length > 0 ? $" on {string.Join(" and ", inputs)}" : "";
        return new TorchException(op, $"{op} failed{on}: {LibNative.LastError()}");
    }
}
