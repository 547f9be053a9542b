using System.Globalization;

namespace MedSsl.Display;

/// <summary>
/// How one table column writes its values. Chosen from the whole column so digits line up: integers as
/// they are; fractional numbers with 4 decimals (accuracy 0.8123, loss 2.3026); columns holding small
/// magnitudes (learning rates, weight decays) with 4 significant digits (0.0003, 1e-05); NaN as "NaN";
/// null as an empty cell; everything else by ToString().
/// </summary>
public sealed class TableFormat
{
    readonly string? format;

    TableFormat(bool numeric, string? format) => (Numeric, this.format) = (numeric, format);

    /// <summary>True when the column holds numbers (right-aligned).</summary>
    public bool Numeric { get; }

    public static TableFormat ForColumn(IEnumerable<object?> values, string? userFormat = null)
    {
        var present = values.Where(v => v != null).Select(v => v!).ToList();
        bool numeric = present.Count > 0 && present.All(IsNumber);
        if (!numeric) return new(false, null);
        if (userFormat != null) return new(true, userFormat);
        var finite = present.Select(ToDouble).Where(double.IsFinite).ToList();
        if (finite.All(v => v == Math.Floor(v) && Math.Abs(v) < 1e15))
            return new(true, present.All(IsInteger) ? "0" : "0.0");
        var smallest = finite.Where(v => v != 0).Select(Math.Abs).DefaultIfEmpty(1).Min();
        var largest = finite.Select(Math.Abs).DefaultIfEmpty(0).Max();
        return new(true, smallest < 1e-3 || largest >= 1e7 ? "g4" : "0.0000");
    }

    public string Format(object? value) => value switch
    {
        null => "",
        double d when double.IsNaN(d) => "NaN",
        float f when float.IsNaN(f) => "NaN",
        IFormattable n when Numeric && format != null => n.ToString(format, CultureInfo.InvariantCulture),
        IFormattable other => other.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    static bool IsInteger(object v) => v is int or long or short or byte or sbyte or uint or ulong or ushort;

    static bool IsNumber(object v) => IsInteger(v) || v is double or float or decimal or Half;

    static double ToDouble(object v) => Convert.ToDouble(v is Half h ? (double)h : v, CultureInfo.InvariantCulture);
}
