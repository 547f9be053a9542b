using System.Globalization;
using MedSsl.Torch;

namespace MedSsl.Figures;

/// <summary>
/// A series of numbers for a figure. Converts implicitly from the containers notebooks hold
/// (double[], float[], int[], long[], List&lt;double&gt;, List&lt;float&gt;, a 1-D Tensor), so
/// <c>Figure.Line(losses)</c> works whatever the loop collected.
/// </summary>
public readonly struct Values
{
    readonly double[]? items;

    public Values(IEnumerable<double> values) => items = values.ToArray();

    Values(double[] owned) => items = owned;

    public int Count => items?.Length ?? 0;

    public double this[int i] => items![i];

    public double[] ToArray() => (double[])(items ?? Array.Empty<double>()).Clone();

    internal ReadOnlySpan<double> Span => items;

    /// <summary>0, 1, ..., count-1: the x of a series given alone (plotly express does the same).</summary>
    public static Values Range(int count) => new(Enumerable.Range(0, count).Select(i => (double)i).ToArray());

    public static implicit operator Values(double[] v) => new((double[])v.Clone());
    public static implicit operator Values(List<double> v) => new(v.ToArray());
    public static implicit operator Values(int[] v) => new(v.Select(x => (double)x).ToArray());
    public static implicit operator Values(long[] v) => new(v.Select(x => (double)x).ToArray());
    public static implicit operator Values(List<int> v) => new(v.Select(x => (double)x).ToArray());
    public static implicit operator Values(List<long> v) => new(v.Select(x => (double)x).ToArray());
    public static implicit operator Values(float[] v) => new(v.Select(Widen).ToArray());
    public static implicit operator Values(List<float> v) => new(v.Select(Widen).ToArray());

    /// <summary>The elements of a tensor with one non-trivial dimension (any dtype, any device).</summary>
    public static implicit operator Values(Tensor t)
    {
        var shape = t.shape;
        if (shape.Count(s => s != 1) > 1)
            throw new ArgumentException($"A figure series needs a 1-D tensor; got shape [{string.Join(", ", shape)}].");
        using var d = t.detach();
        using var f = d.to(ScalarType.Float64);
        return new(f.data<double>());
    }

    // (double)0.1f is 0.10000000149011612: going through the float's shortest text keeps the JSON short
    // and the hover labels readable.
    static double Widen(float f) =>
        float.IsFinite(f) ? double.Parse(f.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : f;
}
