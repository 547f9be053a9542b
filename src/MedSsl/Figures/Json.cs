using System.Text.Json.Nodes;

namespace MedSsl.Figures;

// Small converters from the builders' inputs to plotly.js JSON arrays.
static class Json
{
    /// <summary>Numbers; NaN and ±∞ become null, which plotly.js draws as a gap (a diverged loss stays visible as one).</summary>
    public static JsonArray Array(ReadOnlySpan<double> values)
    {
        var a = new JsonArray();
        foreach (var v in values) a.Add(double.IsFinite(v) ? JsonValue.Create(v) : null);
        return a;
    }

    public static JsonArray Array(Values values) => Array(values.Span);

    public static JsonArray Array(IEnumerable<string> values) =>
        new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    /// <summary>Checks that a series matches its x values, naming both in the error.</summary>
    public static void SameLength(int expected, int actual, string what, string against)
    {
        if (expected != actual)
            throw new ArgumentException($"{what} has {actual} values but {against} has {expected}.");
    }
}
