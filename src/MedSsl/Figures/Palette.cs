using System.Globalization;

namespace MedSsl.Figures;

/// <summary>
/// Series colours. Plotly.js's own default colorway (D3 category10, matplotlib's tab10), set explicitly
/// so a band can share its line's colour and the same series keeps its colour across subplots.
/// </summary>
public static class Palette
{
    public static readonly IReadOnlyList<string> Colors = new[]
    {
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
        "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
    };

    /// <summary>The i-th series colour (cycling).</summary>
    public static string Color(int i) => Colors[((i % Colors.Count) + Colors.Count) % Colors.Count];

    /// <summary>"#rrggbb" with an alpha, as "rgba(r,g,b,a)" (bands, overlapping markers).</summary>
    public static string WithAlpha(string hex, double alpha)
    {
        if (hex.Length != 7 || hex[0] != '#')
            throw new ArgumentException($"Expected a colour as #rrggbb, got '{hex}'.");
        int c(int at) => int.Parse(hex.AsSpan(at, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"rgba({c(1)},{c(3)},{c(5)},{alpha:0.###})");
    }
}
