using System.Text.Json.Nodes;
using MedSsl.Figures;

namespace MedSsl.Tests;

public class FigureSubplotsTests
{
    static JsonNode Parse(Figure f) => JsonNode.Parse(f.ToJson())!;

    static double[] Numbers(JsonNode? a) => a!.AsArray().Select(v => v!.GetValue<double>()).ToArray();

    [Fact]
    public void Panels_get_their_own_axes_domains_and_titles()
    {
        var loss = Figure.Line(new[] { 3.0, 2, 1 }).WithTitle("loss").WithAxes("step", "loss");
        var lr = Figure.Line(new[] { 0.1, 0.05, 0.01 }).WithTitle("learning rate").WithAxes("step", "lr").WithLogY();
        var json = Parse(Figure.Subplots(loss, lr));
        var layout = json["layout"]!;
        Assert.Equal("x", json["data"]![0]!["xaxis"]!.GetValue<string>());
        Assert.Equal("y2", json["data"]![1]!["yaxis"]!.GetValue<string>());
        Assert.Equal("lr", layout["yaxis2"]!["title"]!["text"]!.GetValue<string>());
        Assert.Equal("log", layout["yaxis2"]!["type"]!.GetValue<string>());
        Assert.Equal("y2", layout["xaxis2"]!["anchor"]!.GetValue<string>());
        Assert.Equal("x2", layout["yaxis2"]!["anchor"]!.GetValue<string>());
        var (d1, d2) = (Numbers(layout["xaxis"]!["domain"]), Numbers(layout["xaxis2"]!["domain"]));
        Assert.Equal(0, d1[0]);
        Assert.Equal(1, d2[1], 12);
        Assert.True(d1[1] < d2[0], "panels overlap");
        var titles = layout["annotations"]!.AsArray().Select(a => a!["text"]!.GetValue<string>());
        Assert.Equal(new[] { "loss", "learning rate" }, titles);
    }

    [Fact]
    public void Grids_fill_row_by_row_and_rename_square_cell_anchors()
    {
        var classes = new[] { "a", "b" };
        var panels = new[]
        {
            Figure.Confusion(new long[,] { { 1, 0 }, { 0, 1 } }, classes), Figure.Confusion(new long[,] { { 1, 1 }, { 1, 1 } }, classes),
            Figure.Bar(classes, new[] { 1.0, 2 }),
        };
        var layout = Parse(Figure.Subplots(panels, cols: 2, title: "ID vs OOD"))["layout"]!;
        Assert.Equal("x2", layout["yaxis2"]!["scaleanchor"]!.GetValue<string>());
        var top = Numbers(layout["yaxis"]!["domain"]);
        var bottom = Numbers(layout["yaxis3"]!["domain"]);
        Assert.Equal(top, Numbers(layout["yaxis2"]!["domain"]));
        Assert.True(bottom[1] < top[0], "rows overlap");
        Assert.Equal("ID vs OOD", layout["title"]!["text"]!.GetValue<string>());
        Assert.Equal("group", layout["barmode"]!.GetValue<string>());
    }

    [Fact]
    public void A_series_in_several_panels_has_one_legend_entry()
    {
        var cats = new[] { "a", "b" };
        var names = new[] { "SimCLR", "MICLe" };
        var id = Figure.Bar(cats, new Values[] { new[] { 1.0, 2 }, new[] { 2.0, 3 } }, names);
        var ood = Figure.Bar(cats, new Values[] { new[] { 0.5, 1 }, new[] { 1.0, 2 } }, names);
        var data = Parse(Figure.Subplots(id, ood))["data"]!.AsArray();
        Assert.Equal(new bool?[] { null, null, false, false }, data.Select(t => t!["showlegend"]?.GetValue<bool>()));
        Assert.All(data, t => Assert.Equal(t!["name"]!.GetValue<string>(), t["legendgroup"]!.GetValue<string>()));
    }

    [Fact]
    public void Nested_subplots_are_refused()
    {
        var inner = Figure.Subplots(Figure.Line(new[] { 1.0 }));
        Assert.Contains("itself a subplot grid", Assert.Throws<ArgumentException>(() => Figure.Subplots(inner)).Message);
        Assert.Throws<ArgumentException>(() => Figure.Subplots());
    }
}
