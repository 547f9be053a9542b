using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MedSsl.Figures;

namespace MedSsl.Tests;

[Collection(DisplayGlobals.Name)]
public class FigureBundleTests
{
    const string PlotlyMime = "application/vnd.plotly.v1+json";

    static int Count(string text, string what) => Regex.Matches(text, Regex.Escape(what), RegexOptions.IgnoreCase).Count;

    [Fact]
    public void The_bundle_has_plotly_json_html_and_a_text_line()
    {
        var fig = Figure.Line(new[] { 1.0, 2 }, "loss").WithTitle("t");
        var bundle = fig.ToMimeBundle();
        Assert.Equal(new[] { PlotlyMime, "text/html", "text/plain" }.Order(), bundle.Keys.Order());
        var json = JsonNode.Parse(bundle[PlotlyMime])!;
        Assert.Equal("scatter", json["data"]![0]!["type"]!.GetValue<string>());
        Assert.True(json["config"]!["responsive"]!.GetValue<bool>());
        Assert.Contains("Plotly.newPlot(div, fig.data, fig.layout, fig.config)", bundle["text/html"]);
        Assert.Equal(fig.ToString(), bundle["text/plain"]);
        Assert.DoesNotContain("cdn.plot.ly", fig.ToHtml(includePlotlyJs: false));
    }

    [Fact]
    public void A_title_with_a_script_tag_cannot_break_out_of_the_page()
    {
        const string evil = "</script><script>alert('x')</script> & <b>";
        var fig = Figure.Bar(new[] { evil }, new[] { 1.0 }, evil).WithTitle(evil).WithAxes(evil, evil);
        var html = fig.ToHtml(includePlotlyJs: false);
        Assert.Equal(1, Count(html, "<script"));  // only the kit's own
        Assert.Equal(1, Count(html, "</script"));
        Assert.DoesNotContain("alert('x')", html);
        // The JSON inside the script still says exactly what the title is.
        var json = Regex.Match(html, @"fig = (\{.*\});").Groups[1].Value;
        Assert.Equal(evil, JsonNode.Parse(json)!["layout"]!["title"]!["text"]!.GetValue<string>());
        Assert.Equal(evil, JsonNode.Parse(fig.ToMimeBundle()[PlotlyMime])!["layout"]!["title"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void The_first_figure_carries_plotly_js_and_later_ones_reuse_it()
    {
        Assert.NotNull(PlotlyJs.Locate(out var why));
        var saved = PlotlyJs.Embedding;
        try
        {
            PlotlyJs.Embedding = PlotlyJsEmbedding.FirstFigure;
            PlotlyJs.Reset();
            var first = Figure.Line(new[] { 1.0 }).ToMimeBundle()["text/html"];
            var second = Figure.Line(new[] { 1.0 }).ToMimeBundle()["text/html"];
            Assert.True(first.Length > 4_000_000, $"first figure is {first.Length} chars");
            Assert.Contains("window.Plotly = Plotly", first);
            Assert.True(second.Length < 10_000, $"second figure is {second.Length} chars");
            PlotlyJs.Embedding = PlotlyJsEmbedding.EveryFigure;
            Assert.Contains("window.Plotly = Plotly", Figure.Line(new[] { 1.0 }).ToMimeBundle()["text/html"]);
        }
        finally { PlotlyJs.Embedding = saved; }
    }

    [Fact]
    public void Without_plotly_js_the_html_says_why_and_the_json_still_works()
    {
        var saved = PlotlyJs.Path;
        try
        {
            PlotlyJs.Path = "/nonexistent/plotly.min.js";
            PlotlyJs.Reset();
            var bundle = Figure.Line(new[] { 1.0 }).ToMimeBundle();
            Assert.Contains("plotly.js was not found", bundle["text/html"]);
            Assert.Contains("/nonexistent/plotly.min.js, which does not exist", bundle["text/html"]);
            Assert.NotNull(JsonNode.Parse(bundle[PlotlyMime]));
            Assert.Contains("not found", Assert.Throws<FileNotFoundException>(() =>
                Figure.Line(new[] { 1.0 }).SaveHtml(Path.Combine(Path.GetTempPath(), "medssl-unused.html"))).Message);
        }
        finally
        {
            PlotlyJs.Path = saved;
            PlotlyJs.Reset();
        }
    }

    [Fact]
    public void The_pinned_plotly_version_is_the_one_installed()
    {
        var lib = PlotlyJs.Locate(out var why);
        Assert.True(lib != null, why);
        var root = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(lib)!, "../../../.."));
        var pinned = JsonNode.Parse(File.ReadAllText(Path.Combine(root, "src/MedSsl/Figures/js/package.json")))!
            ["dependencies"]!["plotly.js-dist-min"]!.GetValue<string>();
        using var head = new StreamReader(lib);
        var banner = string.Concat(Enumerable.Range(0, 3).Select(_ => head.ReadLine()));
        Assert.Contains($"plotly.js v{pinned}", banner);
    }

    sealed class PlainOnly : MedSsl.Display.IMimeRenderable
    {
        public IReadOnlyDictionary<string, string> ToMimeBundle() => new Dictionary<string, string> { ["text/plain"] = "a < b" };
    }

    [Fact]
    public void A_saved_page_inlines_plotly_js_once_for_all_its_items()
    {
        var path = Path.Combine(Path.GetTempPath(), $"medssl-page-{Guid.NewGuid():N}", "report.html");
        try
        {
            var fig = Figure.Line(new[] { 1.0, 2 }).WithSize(height: 333);
            var table = MedSsl.Display.Table.From(new[] { new { run = "<a>", acc = 0.5 } });
            HtmlPage.Save(path, "Report <1>", fig, Figure.Bar(new[] { "a" }, new[] { 1.0 }), table, new PlainOnly());
            var html = File.ReadAllText(path);
            Assert.StartsWith("<!DOCTYPE html>", html);
            Assert.Equal(1, Count(html, "window.Plotly = Plotly"));
            Assert.Equal(3, Count(html, "<script"));
            Assert.Contains("<title>Report &lt;1&gt;</title>", html);
            Assert.Contains("height:333px", html);
            Assert.Contains("<td style=\"text-align:left\">&lt;a&gt;</td>", html);
            Assert.Contains("<pre>a &lt; b</pre>", html);
        }
        finally { Directory.Delete(Path.GetDirectoryName(path)!, recursive: true); }
    }
}
