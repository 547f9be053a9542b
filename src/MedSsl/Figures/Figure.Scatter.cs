using System.Text.Json.Nodes;
using MedSsl.Torch;

namespace MedSsl.Figures;

// Scatter plots: 2-D embeddings (PCA, t-SNE, UMAP) coloured by class or by patient case.
public sealed partial class Figure
{
    /// <summary>Above this many groups the colours are a continuous scale without a legend (e.g. by case).</summary>
    public const int MaxLegendGroups = 20;

    /// <summary>
    /// Points (x, y); color names each point's group (one trace and legend entry per group, in order of
    /// first appearance, as plotly express does); hover adds a line per point (an image id, a case id).
    /// </summary>
    public static Figure Scatter(Values x, Values y, IReadOnlyList<string>? color = null, IReadOnlyList<string>? hover = null)
    {
        Json.SameLength(x.Count, y.Count, "y", "x");
        if (color != null) Json.SameLength(x.Count, color.Count, "color", "x");
        var groups = color is null
            ? new List<(string?, int[], int)> { (null, Enumerable.Range(0, x.Count).ToArray(), 0) }
            : color.Select((c, i) => (c, i)).GroupBy(p => p.c, p => p.i)
                   .Select((g, k) => ((string?)g.Key, g.ToArray(), k)).ToList();
        return Groups(x, y, groups, hover, color);
    }

    /// <summary>Points from an [N, 2] tensor (an embedding reduced to 2-D).</summary>
    public static Figure Scatter(Tensor xy, IReadOnlyList<string>? color = null, IReadOnlyList<string>? hover = null)
    {
        var (x, y) = Columns(xy);
        return Scatter(x, y, color, hover);
    }

    /// <summary>
    /// Points from an [N, 2] tensor coloured by integer class labels [N]: legend in class order, and each
    /// class keeps its colour across figures (train vs test, in- vs out-of-distribution).
    /// </summary>
    public static Figure Scatter(Tensor xy, Tensor labels, IReadOnlyList<string> classNames, IReadOnlyList<string>? hover = null)
    {
        var (x, y) = Columns(xy);
        long[] ids;
        using (var d = labels.detach()) using (var l = d.to(ScalarType.Int64)) ids = l.data<long>();
        Json.SameLength(x.Count, ids.Length, "labels", "xy");
        foreach (var id in ids)
            if (id < 0 || id >= classNames.Count)
                throw new ArgumentException($"Label {id} has no name: classNames has {classNames.Count} entries.");
        var groups = Enumerable.Range(0, classNames.Count)
            .Select(c => ((string?)classNames[c], Enumerable.Range(0, ids.Length).Where(i => ids[i] == c).ToArray(), c))
            .Where(g => g.Item2.Length > 0).ToList();
        return Groups(x, y, groups, hover, ids.Select(i => classNames[(int)i]).ToArray());
    }

    static Figure Groups(Values x, Values y, List<(string? Name, int[] Rows, int Color)> groups,
                         IReadOnlyList<string>? hover, IReadOnlyList<string>? color)
    {
        if (hover != null) Json.SameLength(x.Count, hover.Count, "hover", "x");
        var fig = new Figure("scatter");
        var size = x.Count > 2000 ? 4 : 6;
        if (groups.Count > MaxLegendGroups)
            fig.Data.Add(ManyGroups(x, y, color!, hover, groups.Select(g => g.Name!).ToList(), size));
        else
            foreach (var g in groups)
                fig.Data.Add(Points(x, y, g.Rows, hover, g.Name, Palette.Color(g.Color), size));
        return fig;
    }

    static (Values X, Values Y) Columns(Tensor xy)
    {
        var shape = xy.shape;
        if (shape.Length != 2 || shape[1] != 2)
            throw new ArgumentException($"Scatter needs points as an [N, 2] tensor; got shape [{string.Join(", ", shape)}].");
        using var d = xy.detach();
        using var f = d.to(ScalarType.Float64);
        var all = f.data<double>();
        return (new Values(all.Where((_, i) => i % 2 == 0)), new Values(all.Where((_, i) => i % 2 == 1)));
    }

    static JsonObject Points(Values x, Values y, int[] rows, IReadOnlyList<string>? hover, string? name, string color, int size)
    {
        var trace = new JsonObject
        {
            ["type"] = "scatter",
            ["mode"] = "markers",
            ["x"] = Json.Array(rows.Select(i => x[i]).ToArray()),
            ["y"] = Json.Array(rows.Select(i => y[i]).ToArray()),
            ["marker"] = new JsonObject { ["color"] = color, ["size"] = size, ["opacity"] = 0.75 },
        };
        if (name != null) trace["name"] = name;
        if (hover != null) trace["text"] = Json.Array(rows.Select(i => hover[i]));
        return trace;
    }

    // Too many groups for a legend (points coloured by patient case): one trace, colour = group index,
    // the group named on hover.
    static JsonObject ManyGroups(Values x, Values y, IReadOnlyList<string> color, IReadOnlyList<string>? hover,
                                 List<string> keys, int size)
    {
        var index = keys.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => (double)p.i);
        var trace = Points(x, y, Enumerable.Range(0, x.Count).ToArray(), null, null, Palette.Color(0), size);
        trace["marker"]!["color"] = Json.Array(color.Select(c => index[c]).ToArray());
        trace["marker"]!["colorscale"] = "Turbo";
        trace["text"] = Json.Array(color.Select((c, i) => hover is null ? c : $"{c}<br>{hover[i]}"));
        trace["showlegend"] = false;
        return trace;
    }
}
