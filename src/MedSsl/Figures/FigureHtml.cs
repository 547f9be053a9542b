using System.Text;
using System.Text.Json.Nodes;
using MedSsl.Display;

namespace MedSsl.Figures;

// The text/html of a figure: a div, plotly.js when this output carries it, and a script that draws once
// window.Plotly exists. What shows when it cannot draw is a sentence saying why, never an empty box.
static class FigureHtml
{
    public enum IncludeLibrary { No, Yes, AsConfigured }

    // Outputs inserted by a front end may run before a library carried by an earlier output is ready.
    const int WaitMs = 10_000, PollMs = 50;

    public static string Fragment(Figure fig, IncludeLibrary include)
    {
        var library = PlotlyJs.Source(out var why);
        bool inline = library != null && include switch
        {
            IncludeLibrary.Yes => true,
            IncludeLibrary.No => false,
            _ => PlotlyJs.ClaimInline(),
        };
        var id = "medssl-fig-" + Guid.NewGuid().ToString("N");
        var height = fig.Layout["height"] is JsonValue v && v.TryGetValue<double>(out var h) ? (int)h
                   : fig.Layout["height"] is JsonValue iv && iv.TryGetValue<int>(out var hi) ? hi : 420;
        var what = Html.Escape(fig.ToString());
        var missing = library is null
            ? $"plotly.js was not found ({why}), so this figure cannot be drawn here; its JSON is in the output's application/vnd.plotly.v1+json."
            : "plotly.js is not loaded on this page: the output that carried it was cleared or is not trusted. "
              + "Run the notebook again from the top, or set PlotlyJs.Embedding = PlotlyJsEmbedding.EveryFigure.";
        // Shown until the script draws: all that static viewers (GitHub, untrusted notebooks) will show.
        var placeholder = library is null ? Html.Escape(missing) : $"{what}: drawn by JavaScript (trust the notebook to see it).";
        var sb = new StringBuilder();
        if (inline) sb.Append("<script type=\"text/javascript\">").Append(library).Append("</script>\n");
        sb.Append($"<div id=\"{id}\" class=\"medssl-figure\" style=\"width:100%;height:{height}px;\">")
          .Append($"<p style=\"color:#666;font:13px sans-serif\">{placeholder}</p></div>\n")
          .Append("<script type=\"text/javascript\">(function () {\n")
          .Append($"  var div = document.getElementById(\"{id}\"), fig = {fig.ToJson()};\n")
          .Append($"  var missing = {System.Text.Json.JsonSerializer.Serialize(missing)}, waited = 0;\n")
          .Append("  function draw() {\n")
          .Append("    if (window.Plotly) { div.innerHTML = \"\"; window.Plotly.newPlot(div, fig.data, fig.layout, fig.config); return; }\n")
          .Append($"    if ((waited += {PollMs}) <= {WaitMs}) {{ setTimeout(draw, {PollMs}); return; }}\n")
          .Append("    div.style.height = \"auto\"; div.textContent = missing;\n")
          .Append("  }\n  draw();\n})();</script>");
        return sb.ToString();
    }
}
