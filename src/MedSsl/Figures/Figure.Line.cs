using System.Text.Json.Nodes;

namespace MedSsl.Figures;

// Line charts: loss and learning-rate curves, label-efficiency curves with mean ± std bands.
public sealed partial class Figure
{
    /// <summary>Markers are drawn on short series (label-efficiency points), not on per-step curves.</summary>
    const int MarkerLimit = 30;

    /// <summary>One curve over 0, 1, ..., n-1 (a loss per step or per epoch).</summary>
    public static Figure Line(Values y, string? name = null) =>
        Line(Values.Range(y.Count), new[] { y }, name is null ? null : new[] { name });

    /// <summary>One curve over x.</summary>
    public static Figure Line(Values x, Values y, string? name = null) =>
        Line(x, new[] { y }, name is null ? null : new[] { name });

    /// <summary>
    /// Several curves over the same x, e.g. accuracy vs label fraction for each method. With std, each
    /// curve gets a filled mean ± std band in its colour (drawn as a closed polygon, fill 'toself').
    /// </summary>
    public static Figure Line(Values x, IReadOnlyList<Values> ys, IReadOnlyList<string>? names = null,
                              IReadOnlyList<Values>? std = null)
    {
        if (ys.Count == 0) throw new ArgumentException("Figure.Line needs at least one series.");
        if (names != null) Json.SameLength(ys.Count, names.Count, "names", "ys");
        if (std != null) Json.SameLength(ys.Count, std.Count, "std", "ys");
        var fig = new Figure("line");
        for (int i = 0; i < ys.Count; i++)
        {
            var name = names?[i];
            var label = name is null ? $"series {i}" : $"series '{name}'";
            Json.SameLength(x.Count, ys[i].Count, label, "x");
            if (std != null)
            {
                Json.SameLength(x.Count, std[i].Count, $"std of {label}", "x");
                fig.Data.Add(Band(x, ys[i], std[i], name, Palette.Color(i)));
            }
            fig.Data.Add(Curve(x, ys[i], name, Palette.Color(i), std?[i]));
        }
        return fig;
    }

    static JsonObject Curve(Values x, Values y, string? name, string color, Values? std)
    {
        var trace = new JsonObject
        {
            ["type"] = "scatter",
            ["mode"] = x.Count <= MarkerLimit ? "lines+markers" : "lines",
            ["x"] = Json.Array(x),
            ["y"] = Json.Array(y),
            ["line"] = new JsonObject { ["color"] = color, ["width"] = 2 },
        };
        if (name != null)
        {
            trace["name"] = name;
            trace["legendgroup"] = name;
        }
        if (std is { } s)
        {
            trace["customdata"] = Json.Array(s);
            trace["hovertemplate"] = "%{x}: %{y:.4g} ± %{customdata:.2g}<extra>%{fullData.name}</extra>";
        }
        return trace;
    }

    // The band is one polygon: along x at mean + std, then back at mean − std.
    static JsonObject Band(Values x, Values mean, Values std, string? name, string color)
    {
        int n = x.Count;
        var xs = new double[2 * n];
        var ys = new double[2 * n];
        for (int i = 0; i < n; i++)
        {
            xs[i] = x[i];
            ys[i] = mean[i] + std[i];
            xs[2 * n - 1 - i] = x[i];
            ys[2 * n - 1 - i] = mean[i] - std[i];
        }
        var band = new JsonObject
        {
            ["type"] = "scatter",
            ["mode"] = "lines",
            ["x"] = Json.Array(xs),
            ["y"] = Json.Array(ys),
            ["fill"] = "toself",
            ["fillcolor"] = Palette.WithAlpha(color, 0.2),
            ["line"] = new JsonObject { ["width"] = 0, ["color"] = color },
            ["hoverinfo"] = "skip",
            ["showlegend"] = false,
        };
        if (name != null)
        {
            band["name"] = $"{name} ± std";
            band["legendgroup"] = name;
        }
        return band;
    }
}
