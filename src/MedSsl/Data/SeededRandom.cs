namespace MedSsl.Data;

/// <summary>
/// A small deterministic generator (SplitMix64). Splits, label-fraction subsets and synthetic images are
/// drawn from it so a seed gives the same result on every machine and .NET version; System.Random's
/// sequence for a seed is not a documented contract.
/// </summary>
public sealed class SeededRandom
{
    ulong state;

    /// <summary>A generator for a seed; <paramref name="stream"/> values give independent streams of one seed.</summary>
    public SeededRandom(long seed, params long[] stream)
    {
        state = Mix((ulong)seed);
        foreach (var s in stream) state = Mix(state ^ Mix((ulong)s + 0x9E3779B97F4A7C15UL));
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextULong()
    {
        state += 0x9E3779B97F4A7C15UL;
        return Mix(state);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [lo, hi).</summary>
    public double Uniform(double lo, double hi) => lo + (hi - lo) * NextDouble();

    /// <summary>Uniform integer in [0, n), without modulo bias.</summary>
    public int Next(int n)
    {
        if (n <= 0) throw new ArgumentOutOfRangeException(nameof(n), n, "must be positive");
        ulong bound = (ulong)n, limit = ulong.MaxValue - ulong.MaxValue % bound;
        ulong x;
        do x = NextULong(); while (x >= limit);
        return (int)(x % bound);
    }

    /// <summary>True with probability p.</summary>
    public bool Chance(double p) => NextDouble() < p;

    /// <summary>A standard normal draw (Box–Muller).</summary>
    public double Normal()
    {
        double u = 1.0 - NextDouble(), v = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v);
    }

    /// <summary>Fisher–Yates shuffle in place.</summary>
    public void Shuffle<T>(IList<T> items)
    {
        for (int i = items.Count - 1; i > 0; i--)
        {
            int j = Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
