using System.Text.Json.Nodes;

namespace MedSsl.Figures;

// Several figures side by side in one (loss next to learning rate, ID next to OOD), like make_subplots.
public sealed partial class Figure
{
    const double GapX = 0.1, GapY = 0.16, PanelHeight = 340;

    /// <summary>Panels in one row.</summary>
    public static Figure Subplots(params Figure[] panels) => Subplots(panels, cols: null);

    /// <summary>
    /// Panels in a grid, row by row (cols defaults to all in one row). Each panel keeps its traces, axis
    /// titles, log axes and ranges; its title goes above it. A series named in several panels gets one
    /// legend entry when its colour matches, and toggling it hides it everywhere.
    /// </summary>
    public static Figure Subplots(IReadOnlyList<Figure> panels, int? cols = null, string? title = null)
    {
        if (panels.Count == 0) throw new ArgumentException("Figure.Subplots needs at least one panel.");
        int c = cols ?? panels.Count;
        if (c < 1) throw new ArgumentException($"cols must be at least 1; got {c}.");
        int r = (panels.Count + c - 1) / c;
        var fig = new Figure("subplots");
        fig.Layout.Remove("xaxis");
        fig.Layout.Remove("yaxis");
        fig.Layout["height"] = (int)(PanelHeight * r + 60);
        var annotations = new JsonArray();
        var legend = new Dictionary<string, string?>();
        for (int k = 0; k < panels.Count; k++)
        {
            var p = panels[k];
            if (p.Kind == "subplots") throw new ArgumentException($"Panel {k} is itself a subplot grid; pass its panels instead.");
            double w = (1 - GapX * (c - 1)) / c, h = (1 - GapY * (r - 1)) / r;
            double x0 = (k % c) * (w + GapX), y1 = 1 - (k / c) * (h + GapY);
            var (xa, ya) = (k == 0 ? "x" : $"x{k + 1}", k == 0 ? "y" : $"y{k + 1}");
            fig.Layout[$"xaxis{(k == 0 ? "" : k + 1)}"] = PanelAxis(p, "xaxis", x0, x0 + w, ya, xa, ya);
            fig.Layout[$"yaxis{(k == 0 ? "" : k + 1)}"] = PanelAxis(p, "yaxis", y1 - h, y1, xa, xa, ya);
            foreach (var key in new[] { "barmode" })
                if (p.Layout[key] is { } v) fig.Layout[key] = v.DeepClone();
            if (p.Title is { } t)
                annotations.Add(new JsonObject
                {
                    ["text"] = t, ["x"] = x0 + w / 2, ["y"] = y1, ["xref"] = "paper", ["yref"] = "paper",
                    ["xanchor"] = "center", ["yanchor"] = "bottom", ["showarrow"] = false, ["font"] = new JsonObject { ["size"] = 14 },
                });
            // A panel with one series is named by its title; a legend entry per such panel would only repeat it.
            var single = p.Data.Count(t => t["showlegend"]?.GetValue<bool>() != false) == 1;
            foreach (var src in p.Data)
            {
                var trace = (JsonObject)src.DeepClone();
                if (single) trace["showlegend"] = false;
                trace["xaxis"] = xa;
                trace["yaxis"] = ya;
                if (trace["colorbar"] is not null || trace["type"]?.GetValue<string>() == "heatmap")
                    trace["colorbar"] = ColorbarBeside(trace["colorbar"] as JsonObject, x0 + w, y1 - h, y1);
                MergeLegend(trace, legend);
                fig.Data.Add(trace);
            }
        }
        if (annotations.Count > 0) fig.Layout["annotations"] = annotations;
        if (title != null) fig.WithTitle(title);
        return fig;
    }

    static JsonObject PanelAxis(Figure p, string key, double from, double to, string anchor, string xa, string ya)
    {
        var axis = p.Layout[key]?.DeepClone() as JsonObject ?? new JsonObject();
        axis["domain"] = new JsonArray(from, to);
        axis["anchor"] = anchor;
        if (axis["scaleanchor"]?.GetValue<string>() is { } s) axis["scaleanchor"] = s.StartsWith('x') ? xa : ya;
        return axis;
    }

    static JsonObject ColorbarBeside(JsonObject? bar, double x, double y0, double y1)
    {
        bar = (JsonObject?)bar?.DeepClone() ?? new JsonObject();
        bar["x"] = x + 0.01;
        bar["xanchor"] = "left";
        bar["y"] = (y0 + y1) / 2;
        bar["len"] = y1 - y0;
        bar["thickness"] = 12;
        return bar;
    }

    // One legend entry per series name across panels, when the colour is the same (else both stay).
    static void MergeLegend(JsonObject trace, Dictionary<string, string?> seen)
    {
        if (trace["name"]?.GetValue<string>() is not { } name || trace["showlegend"]?.GetValue<bool>() == false) return;
        var color = (trace["line"]?["color"] ?? trace["marker"]?["color"])?.ToJsonString();
        trace["legendgroup"] = name;
        if (seen.TryGetValue(name, out var first) && first == color) trace["showlegend"] = false;
        else seen.TryAdd(name, color);
    }
}
