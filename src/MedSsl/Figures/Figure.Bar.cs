using System.Text.Json.Nodes;

namespace MedSsl.Figures;

// Bar charts: per-class accuracy; grouped bars for in- vs out-of-distribution or for several methods.
public sealed partial class Figure
{
    /// <summary>One bar per category; error adds error bars (e.g. the std over seeds).</summary>
    public static Figure Bar(IReadOnlyList<string> categories, Values values, string? name = null, Values? error = null) =>
        Bar(categories, new[] { values }, name is null ? null : new[] { name }, error is { } e ? new[] { e } : null);

    /// <summary>Grouped bars: one series per name (e.g. "in-distribution", "shifted") side by side per category.</summary>
    public static Figure Bar(IReadOnlyList<string> categories, IReadOnlyList<Values> series, IReadOnlyList<string>? names,
                             IReadOnlyList<Values>? errors = null)
    {
        if (series.Count == 0) throw new ArgumentException("Figure.Bar needs at least one series.");
        if (names != null) Json.SameLength(series.Count, names.Count, "names", "series");
        if (errors != null) Json.SameLength(series.Count, errors.Count, "errors", "series");
        var fig = new Figure("bar");
        fig.Layout["barmode"] = "group";
        for (int i = 0; i < series.Count; i++)
        {
            var label = names is null ? $"series {i}" : $"series '{names[i]}'";
            Json.SameLength(categories.Count, series[i].Count, label, "categories");
            var trace = new JsonObject
            {
                ["type"] = "bar",
                ["x"] = Json.Array(categories),
                ["y"] = Json.Array(series[i]),
                ["marker"] = new JsonObject { ["color"] = Palette.Color(i) },
            };
            if (names != null) trace["name"] = names[i];
            if (errors != null)
            {
                Json.SameLength(categories.Count, errors[i].Count, $"errors of {label}", "categories");
                trace["error_y"] = new JsonObject { ["type"] = "data", ["array"] = Json.Array(errors[i]), ["visible"] = true };
            }
            fig.Data.Add(trace);
        }
        // Class names as categories even when they look like numbers ("0", "1", ...).
        fig.Layout["xaxis"]!["type"] = "category";
        return fig;
    }
}
