using System.Text.Json;
using System.Text.Json.Nodes;
using MedSsl.Display;

namespace MedSsl.Figures;

/// <summary>
/// A Plotly figure (plotly.js JSON: data, layout, config) for the plots this kit draws: curves with
/// mean ± std bands, embeddings, per-class bars, confusion matrices, and subplots of those. Build one with
/// a factory (<see cref="Line(Values, string?)"/>, <see cref="Scatter(Values, Values, IReadOnlyList{string}?, IReadOnlyList{string}?)"/>,
/// <see cref="Bar(IReadOnlyList{string}, Values, string?, Values?)"/>, <see cref="Heatmap(double[,], IReadOnlyList{string}?, IReadOnlyList{string}?, string?)"/>,
/// <see cref="Confusion(long[,], IReadOnlyList{string})"/>, <see cref="Subplots(IReadOnlyList{Figure}, int?, string?)"/>),
/// then chain the <c>With*</c> methods: <c>Figure.Line(losses).WithTitle("SimCLR").WithAxes("step", "loss")</c>.
/// Image grids are <see cref="ImageGrid"/> (PNG &lt;img&gt; tags), not Plotly image traces: they need no
/// JavaScript, so they also show in untrusted notebooks, nbconvert HTML and on GitHub.
/// </summary>
public sealed partial class Figure : IMimeRenderable
{
    const int DefaultHeight = 420, MaxLogTicks = 12;

    Figure(string kind)
    {
        Kind = kind;
        Layout = new JsonObject
        {
            ["height"] = DefaultHeight,
            ["margin"] = new JsonObject { ["l"] = 64, ["r"] = 24, ["t"] = 56, ["b"] = 56 },
            ["hovermode"] = "closest",
            ["colorway"] = new JsonArray(Palette.Colors.Select(c => (JsonNode?)c).ToArray()),
            ["xaxis"] = new JsonObject { ["automargin"] = true },
            ["yaxis"] = new JsonObject { ["automargin"] = true },
        };
    }

    /// <summary>What was built ("line", "scatter", "bar", "heatmap", "confusion", "subplots"), for the text summary.</summary>
    public string Kind { get; }

    /// <summary>The traces (plotly.js "data"); edit them for anything the builders do not cover.</summary>
    public List<JsonObject> Data { get; } = new();

    /// <summary>The plotly.js layout; edit it for anything the <c>With*</c> methods do not cover.</summary>
    public JsonObject Layout { get; }

    /// <summary>The plotly.js config: responsive width, no Plotly logo.</summary>
    public JsonObject Config { get; } = new() { ["responsive"] = true, ["displaylogo"] = false };

    /// <summary>The title shown above the plot, or null.</summary>
    public string? Title => Layout["title"]?["text"]?.GetValue<string>();

    public Figure WithTitle(string title)
    {
        Layout["title"] = new JsonObject { ["text"] = title, ["x"] = 0.05 };
        return this;
    }

    /// <summary>Axis titles (null leaves an axis as it is).</summary>
    public Figure WithAxes(string? x = null, string? y = null)
    {
        if (x != null) Axis("xaxis")["title"] = new JsonObject { ["text"] = x };
        if (y != null) Axis("yaxis")["title"] = new JsonObject { ["text"] = y };
        return this;
    }

    /// <summary>
    /// A log-scaled x axis (label fractions 1% ... 100%, learning rates). With a dozen x values or fewer
    /// (a label-efficiency sweep), the ticks sit at those values instead of at 2, 3, ... 9 of each decade.
    /// </summary>
    public Figure WithLogX(bool on = true)
    {
        SetAxisType("xaxis", on ? "log" : "-");
        var xs = Data.SelectMany(t => t["x"] as JsonArray ?? new JsonArray())
                     .Select(v => v?.GetValueKind() == JsonValueKind.Number ? v.GetValue<double>() : double.NaN)
                     .Where(v => v > 0).Distinct().Order().ToList();
        if (on && xs.Count is > 0 and <= MaxLogTicks) Axis("xaxis")["tickvals"] = Json.Array(xs.ToArray());
        else Axis("xaxis").Remove("tickvals");
        return this;
    }

    /// <summary>A log-scaled y axis (losses over many orders of magnitude, learning-rate schedules).</summary>
    public Figure WithLogY(bool on = true) => SetAxisType("yaxis", on ? "log" : "-");

    /// <summary>A fixed x range; on a log axis give the values themselves, not their logarithms.</summary>
    public Figure WithRangeX(double min, double max) => SetRange("xaxis", min, max);

    /// <summary>A fixed y range (accuracy 0..1, AUC 0.5..1); on a log axis give the values themselves.</summary>
    public Figure WithRangeY(double min, double max) => SetRange("yaxis", min, max);

    /// <summary>Pixel size; the width follows the notebook's when not given.</summary>
    public Figure WithSize(int? width = null, int? height = null)
    {
        if (width is { } w) Layout["width"] = w;
        if (height is { } h) Layout["height"] = h;
        return this;
    }

    /// <summary>Shows or hides the legend (shown by default when two or more series are named).</summary>
    public Figure WithLegend(bool show = true)
    {
        Layout["showlegend"] = show;
        return this;
    }

    /// <summary>The figure as plotly.js JSON {data, layout, config}; &lt;, &gt;, &amp; are \u-escaped, so it is safe inside a script tag.</summary>
    public string ToJson(bool indented = false) =>
        new JsonObject
        {
            ["data"] = new JsonArray(Data.Select(t => (JsonNode?)t.DeepClone()).ToArray()),
            ["layout"] = Layout.DeepClone(),
            ["config"] = Config.DeepClone(),
        }.ToJsonString(new JsonSerializerOptions { WriteIndented = indented });

    /// <summary>
    /// The notebook bundle, as plotly.py's default renderer sends it: the Plotly MIME type (VS Code,
    /// nteract), text/html drawing with inline plotly.js (Notebook, Lab, nbconvert HTML), and a text line.
    /// </summary>
    public IReadOnlyDictionary<string, string> ToMimeBundle() => new Dictionary<string, string>
    {
        ["application/vnd.plotly.v1+json"] = ToJson(),
        ["text/html"] = FigureHtml.Fragment(this, FigureHtml.IncludeLibrary.AsConfigured),
        ["text/plain"] = ToString(),
    };

    /// <summary>An HTML fragment (div + script); with includePlotlyJs the 4.8 MB library is inlined before it.</summary>
    public string ToHtml(bool includePlotlyJs) =>
        FigureHtml.Fragment(this, includePlotlyJs ? FigureHtml.IncludeLibrary.Yes : FigureHtml.IncludeLibrary.No);

    /// <summary>Writes a standalone HTML page (plotly.js inline) that opens in any browser without internet.</summary>
    public void SaveHtml(string path) => HtmlPage.Save(path, Title ?? "MedSSL figure", this);

    /// <summary>One line: kind, traces, title, axis titles.</summary>
    public override string ToString()
    {
        // Bands are drawn as their own hidden-from-legend traces; count what a reader sees as series.
        var shown = Data.Count(t => t["showlegend"]?.GetValue<bool>() != false);
        var parts = new List<string> { $"Figure ({Kind}, {shown} trace{(shown == 1 ? "" : "s")})" };
        if (Title is { } title) parts.Add($"\"{title}\"");
        var x = Layout["xaxis"]?["title"]?["text"]?.GetValue<string>();
        var y = Layout["yaxis"]?["title"]?["text"]?.GetValue<string>();
        if (x != null || y != null) parts.Add($"x: {x ?? "-"}, y: {y ?? "-"}");
        return string.Join(" ", parts);
    }

    JsonObject Axis(string key) => Layout[key] as JsonObject ?? (JsonObject)(Layout[key] = new JsonObject());

    Figure SetAxisType(string axis, string type)
    {
        var a = Axis(axis);
        var wasLog = a["type"]?.GetValue<string>() == "log";
        a["type"] = type;
        // A range set earlier keeps meaning the same values (plotly.js takes log ranges as exponents).
        if (a["range"] is JsonArray r && wasLog != (type == "log"))
        {
            double lo = r[0]!.GetValue<double>(), hi = r[1]!.GetValue<double>();
            a.Remove("range");
            SetRange(axis, wasLog ? Math.Pow(10, lo) : lo, wasLog ? Math.Pow(10, hi) : hi);
        }
        return this;
    }

    Figure SetRange(string axis, double min, double max)
    {
        if (!(min < max)) throw new ArgumentException($"{axis} range needs min < max; got [{min}, {max}].");
        var log = Axis(axis)["type"]?.GetValue<string>() == "log";
        if (log && min <= 0) throw new ArgumentException($"{axis} is logarithmic: its range must be positive; got [{min}, {max}].");
        // plotly.js takes log-axis ranges as exponents.
        Axis(axis)["range"] = log ? new JsonArray(Math.Log10(min), Math.Log10(max)) : new JsonArray(min, max);
        return this;
    }
}
