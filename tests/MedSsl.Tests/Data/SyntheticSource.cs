using MedSsl.Data;

namespace MedSsl.Tests.Data;

/// <summary>An in-memory source for loader tests: row r is a 3 x size x size image filled with r % 251,
/// so a batch's pixels say which rows it holds. Counts loads; can be slowed down or made to fail.</summary>
internal sealed class SyntheticSource(int count, int size = 4) : IImageSource
{
    int loads;

    public int Count => count;
    public int Channels => 3;
    public int Loads => Volatile.Read(ref loads);
    public int FailRow { get; init; } = -1;
    public TimeSpan Delay { get; init; }

    public Tensor Load(int row)
    {
        Interlocked.Increment(ref loads);
        if (Delay > TimeSpan.Zero) Thread.Sleep(Delay);
        if (row == FailRow) throw new InvalidDataException("synthetic failure");
        return torch.full(new long[] { 3, size, size }, row % 251, ScalarType.Byte);
    }

    public string Describe(int row) => $"synthetic/{row:D4}.png";

    /// <summary>The row each element of a uint8 batch [B, 3, H, W] came from (its fill value).</summary>
    public static int[] RowsIn(Tensor batch)
    {
        var b = (int)batch.size(0);
        var per = (int)(batch.numel() / b);
        var values = batch.data<byte>();
        return Enumerable.Range(0, b).Select(i => (int)values[i * per]).ToArray();
    }
}
