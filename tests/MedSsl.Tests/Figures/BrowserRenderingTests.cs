using System.Text;
using System.Text.RegularExpressions;
using MedSsl.Display;
using MedSsl.Figures;

namespace MedSsl.Tests;

/// <summary>
/// Every figure kind drawn offline by the inline plotly.js in headless Chromium: the DOM must hold
/// Plotly's SVG with each kind's trace elements. The page, a screenshot and the HTML sizes are left in
/// the test output folder (TestResults/figures) for a look.
/// </summary>
[Collection(DisplayGlobals.Name)]
public class BrowserRenderingTests
{
    static readonly string[] Classes = { "akiec", "bcc", "bkl", "df", "mel", "nv", "vasc" };

    static readonly string Output = Path.Combine(AppContext.BaseDirectory, "TestResults", "figures");

    // Each figure with the SVG elements its traces must produce.
    static List<(string Name, Figure Figure, string[] Expect)> Figures()
    {
        var steps = Enumerable.Range(0, 200).Select(i => (double)i).ToArray();
        var loss = steps.Select(s => 4.2 * Math.Exp(-s / 60) + 0.6 + 0.05 * Math.Sin(s)).ToArray();
        var lr = steps.Select(s => 1e-3 + 0.3 * 0.5 * (1 + Math.Cos(Math.PI * s / 200))).ToArray();
        var fractions = new[] { 0.01, 0.05, 0.1, 0.5, 1.0 };
        var rng = new Random(7);
        var xy = Enumerable.Range(0, 140).Select(i => (X: i % 7 * 2 + rng.NextDouble(), Y: i % 7 + rng.NextDouble())).ToArray();
        var confusion = new long[7, 7];
        for (int t = 0; t < 7; t++) for (int p = 0; p < 7; p++) confusion[t, p] = t == p ? 40 + 10 * t : (t + p) % 3;
        return new()
        {
            ("loss and learning rate", Figure.Subplots(new[]
                {
                    Figure.Line(steps, loss, "loss").WithTitle("SimCLR loss").WithAxes("step", "NT-Xent"),
                    Figure.Line(steps, lr, "lr").WithTitle("learning rate").WithAxes("step", "lr").WithLogY(),
                }, title: "Pretraining </script><script>document.title='broken'</script>"),
                new[] { "class=\"scatterlayer", "class=\"js-line\"" }),
            ("label efficiency", Figure.Line(fractions, new Values[] { new[] { 0.55, 0.62, 0.66, 0.71, 0.74 }, new[] { 0.60, 0.67, 0.70, 0.74, 0.77 } },
                    new[] { "supervised", "MICLe" }, std: new Values[] { new[] { 0.03, 0.02, 0.02, 0.01, 0.01 }, new[] { 0.025, 0.02, 0.015, 0.01, 0.005 } })
                .WithTitle("DermaMNIST top-1 vs label fraction").WithAxes("fraction of labels", "top-1 accuracy").WithLogX(),
                new[] { "class=\"js-fill\"", "class=\"js-line\"", "class=\"point plotly-customdata\"", "class=\"legend\"" }),
            ("embedding", Figure.Scatter(xy.Select(p => p.X).ToArray(), xy.Select(p => p.Y).ToArray(),
                    color: Enumerable.Range(0, 140).Select(i => Classes[i % 7]).ToArray()).WithTitle("2-D embedding by class"),
                new[] { "class=\"point\"", "class=\"legend\"" }),
            ("per-class accuracy", Figure.Bar(Classes, new Values[] { new[] { 0.5, 0.6, 0.55, 0.3, 0.45, 0.92, 0.7 }, new[] { 0.4, 0.5, 0.5, 0.2, 0.35, 0.9, 0.6 } },
                    new[] { "in-distribution", "shifted" }).WithTitle("Per-class accuracy").WithAxes(null, "accuracy").WithRangeY(0, 1),
                new[] { "class=\"barlayer", "class=\"trace bars\"", "class=\"point\"" }),
            ("confusion", Figure.Confusion(confusion, Classes).WithTitle("Confusion matrix (test)"),
                new[] { "class=\"heatmaplayer", "<image", "class=\"heatmap-label\"", "colorbar\"" }),
        };
    }

    [ChromiumFact]
    public void Every_figure_kind_draws_offline_in_headless_chromium()
    {
        Directory.CreateDirectory(Output);
        var saved = ImageEncoding.Png;
        ImageEncoding.Png = TestPng.Pil;
        try
        {
            var figures = Figures();
            var views = Gradients();
            var grid = new ImageGrid(views, new[] { "view 1", "view 2", "view 3", "grey" }).WithCaption("Augmented views");
            views.ForEach(v => v.Dispose());
            var table = Table.From(new[] { new { method = "MICLe", top1 = 0.7712 }, new { method = "supervised", top1 = 0.7123 } });
            var page = Path.Combine(Output, "figures.html");
            HtmlPage.Save(page, "MedSSL figures", figures.Select(f => (IMimeRenderable)f.Figure).Append(grid).Append(table).ToArray());
            WriteSizes(figures);

            var shot = Path.Combine(Output, "figures.png");
            string dom = "";
            Parallel.Invoke(
                () => dom = Chromium.Run(page, "--virtual-time-budget=5000", "--dump-dom"),
                () => Chromium.Run(page, "--virtual-time-budget=5000", "--window-size=1100,2900", $"--screenshot={shot}"));
            File.WriteAllText(Path.Combine(Output, "figures.dom.html"), dom);

            Assert.Contains("<title>MedSSL figures</title>", dom);  // the title in the first figure did not run
            var starts = Regex.Matches(dom, "<div id=\"medssl-fig-").Select(m => m.Index).Append(dom.Length).ToArray();
            Assert.Equal(figures.Count, starts.Length - 1);
            for (int i = 0; i < figures.Count; i++)
            {
                var part = dom[starts[i]..starts[i + 1]];
                Assert.True(part.Contains("class=\"main-svg\""), $"{figures[i].Name}: no Plotly SVG");
                Assert.DoesNotContain("drawn by JavaScript", part);
                foreach (var e in figures[i].Expect)
                    Assert.True(part.Contains(e), $"{figures[i].Name}: no {e} in the drawn figure");
            }
            Assert.Equal(4, Regex.Matches(dom, "<img src=\"data:image/png;base64,").Count);
            Assert.True(new FileInfo(shot).Length > 20_000, "the screenshot is (nearly) empty");
        }
        finally
        {
            ImageEncoding.Png = saved;
        }
    }

    [ChromiumFact]
    public void Notebook_outputs_draw_when_only_the_first_carries_plotly_js()
    {
        Directory.CreateDirectory(Output);
        var saved = PlotlyJs.Embedding;
        try
        {
            PlotlyJs.Embedding = PlotlyJsEmbedding.FirstFigure;
            PlotlyJs.Reset();
            // Two outputs as a notebook front end puts them on its page, one after the other.
            var outputs = new[] { Figure.Line(new[] { 1.0, 3, 2 }), Figure.Bar(new[] { "a", "b" }, new[] { 1.0, 2 }) }
                .Select(f => f.ToMimeBundle()["text/html"]).ToArray();
            Assert.Contains("window.Plotly = Plotly", outputs[0]);
            Assert.DoesNotContain("window.Plotly = Plotly", outputs[1]);
            string Page(string name, IEnumerable<string> items)
            {
                var path = Path.Combine(Output, name);
                File.WriteAllText(path, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>"
                                        + string.Join("\n", items.Select(o => $"<div class=\"output\">{o}</div>")) + "</body></html>");
                return path;
            }
            var (page, cleared) = (Page("notebook-outputs.html", outputs), Page("notebook-first-output-cleared.html", outputs[1..]));
            string dom = "", clearedDom = "";
            Parallel.Invoke(() => dom = Chromium.Run(page, "--virtual-time-budget=5000", "--dump-dom"),
                            () => clearedDom = Chromium.Run(cleared, "--virtual-time-budget=15000", "--dump-dom"));
            Assert.Contains("plotly.js is not loaded on this page", clearedDom);
            Assert.Equal(2, Regex.Matches(dom, "class=\"plot-container plotly\"").Count);
            Assert.Contains("class=\"js-line\"", dom);
            Assert.Contains("class=\"trace bars\"", dom);
        }
        finally
        {
            PlotlyJs.Embedding = saved;
            PlotlyJs.Reset();
        }
    }

    // Red grows to the right, green downwards, blue is a 7-px checker: orientation shows at a glance.
    static List<Tensor> Gradients()
    {
        var views = new List<Tensor>();
        for (int v = 0; v < 3; v++)
        {
            var px = new byte[3 * 28 * 28];
            for (int y = 0; y < 28; y++)
                for (int x = 0; x < 28; x++)
                {
                    px[y * 28 + x] = (byte)(x * 9);
                    px[784 + y * 28 + x] = (byte)(y * 9 * v / 2);
                    px[2 * 784 + y * 28 + x] = (byte)(((x / 7 + y / 7) % 2) * 255);
                }
            views.Add(torch.tensor(px, 3, 28, 28));
        }
        using var ramp = torch.linspace(0, 1, 28 * 28);
        views.Add(ramp.reshape(1, 28, 28));
        return views;
    }

    // The size each figure adds to a notebook, without and with the inline library.
    static void WriteSizes(List<(string Name, Figure Figure, string[] Expect)> figures)
    {
        var sb = new StringBuilder("figure\ttext/html\twith plotly.js\tplotly JSON\n");
        foreach (var (name, fig, _) in figures)
            sb.Append($"{name}\t{fig.ToHtml(false).Length / 1024.0:0.0} KB\t{fig.ToHtml(true).Length / 1048576.0:0.00} MB\t{fig.ToJson().Length / 1024.0:0.0} KB\n");
        File.WriteAllText(Path.Combine(Output, "sizes.tsv"), sb.ToString());
    }
}
