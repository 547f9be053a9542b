using System.Text.Json.Nodes;
using MedSsl.Figures;

namespace MedSsl.Tests;

public class FigureLineTests
{
    static JsonNode Parse(Figure f) => JsonNode.Parse(f.ToJson())!;

    static double[] Numbers(JsonNode? a) => a!.AsArray().Select(v => v!.GetValue<double>()).ToArray();

    [Fact]
    public void A_single_series_is_drawn_over_its_index_with_axis_titles()
    {
        var fig = Figure.Line(new[] { 2.3, 1.9, 1.4 }).WithTitle("SimCLR loss").WithAxes("step", "loss");
        var json = Parse(fig);
        var trace = json["data"]![0]!;
        Assert.Equal("scatter", trace["type"]!.GetValue<string>());
        Assert.Equal("lines+markers", trace["mode"]!.GetValue<string>());
        Assert.Equal(new[] { 0.0, 1, 2 }, Numbers(trace["x"]));
        Assert.Equal(new[] { 2.3, 1.9, 1.4 }, Numbers(trace["y"]));
        Assert.Equal("SimCLR loss", json["layout"]!["title"]!["text"]!.GetValue<string>());
        Assert.Equal("step", json["layout"]!["xaxis"]!["title"]!["text"]!.GetValue<string>());
        Assert.Equal("loss", json["layout"]!["yaxis"]!["title"]!["text"]!.GetValue<string>());
        Assert.Equal("Figure (line, 1 trace) \"SimCLR loss\" x: step, y: loss", fig.ToString());
    }

    [Fact]
    public void Long_curves_have_no_markers_and_float_values_keep_their_short_form()
    {
        var losses = Enumerable.Range(0, 100).Select(i => 0.1f * i).ToList();
        var trace = Parse(Figure.Line(losses))["data"]![0]!;
        Assert.Equal("lines", trace["mode"]!.GetValue<string>());
        Assert.Contains(",0.1,", trace["y"]!.ToJsonString());
        Assert.Equal(0.1f * 7, (float)Numbers(trace["y"])[7]);
    }

    [Fact]
    public void Non_finite_values_become_gaps()
    {
        var y = Parse(Figure.Line(new[] { 1.0, double.NaN, double.PositiveInfinity, 3.0 }))["data"]![0]!["y"]!.AsArray();
        Assert.Equal("[1,null,null,3]", y.ToJsonString());
    }

    [Fact]
    public void Each_series_gets_its_name_and_colour()
    {
        var x = new[] { 0.01, 0.1, 1.0 };
        double[] simclr = { 0.6, 0.7, 0.8 };
        List<float> micle = new() { 0.65f, 0.75f, 0.82f };
        var fig = Figure.Line(x, [simclr, micle], ["SimCLR", "MICLe"]);  // the notebook form
        var data = Parse(fig)["data"]!.AsArray();
        Assert.Equal(2, data.Count);
        Assert.Equal(new[] { "SimCLR", "MICLe" }, data.Select(t => t!["name"]!.GetValue<string>()));
        Assert.Equal(new[] { Palette.Color(0), Palette.Color(1) }, data.Select(t => t!["line"]!["color"]!.GetValue<string>()));
    }

    [Fact]
    public void Std_adds_a_closed_band_around_each_mean_in_the_series_colour()
    {
        double[] x = { 1, 10, 100 }, mean = { 0.6, 0.7, 0.8 }, std = { 0.05, 0.02, 0.01 };
        var fig = Figure.Line(x, new Values[] { mean }, new[] { "MICLe" }, std: new Values[] { std }).WithLogX();
        var json = Parse(fig);
        var (band, line) = (json["data"]![0]!, json["data"]![1]!);
        Assert.Equal("toself", band["fill"]!.GetValue<string>());
        Assert.Equal(new[] { 1.0, 10, 100, 100, 10, 1 }, Numbers(band["x"]));
        var y = Numbers(band["y"]);
        Assert.Equal(new[] { 0.65, 0.72, 0.81, 0.79, 0.68, 0.55 }, y.Select(v => Math.Round(v, 10)));
        Assert.Equal("rgba(31,119,180,0.2)", band["fillcolor"]!.GetValue<string>());
        Assert.False(band["showlegend"]!.GetValue<bool>());
        Assert.Equal("MICLe", band["legendgroup"]!.GetValue<string>());
        Assert.Equal("MICLe", line["legendgroup"]!.GetValue<string>());
        Assert.Equal(std, Numbers(line["customdata"]));
        Assert.Equal("log", json["layout"]!["xaxis"]!["type"]!.GetValue<string>());
        Assert.StartsWith("Figure (line, 1 trace)", fig.ToString());
    }

    [Fact]
    public void Mismatched_lengths_name_the_series()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            Figure.Line(new[] { 1.0, 2, 3 }, new Values[] { new[] { 1.0, 2 } }, new[] { "MICLe" }));
        Assert.Contains("series 'MICLe' has 2 values but x has 3", e.Message);
        e = Assert.Throws<ArgumentException>(() =>
            Figure.Line(new[] { 1.0, 2 }, new Values[] { new[] { 1.0, 2 } }, new[] { "a" }, std: new Values[] { new[] { 1.0 } }));
        Assert.Contains("std of series 'a' has 1 values but x has 2", e.Message);
    }

    [Fact]
    public void Ranges_follow_the_axis_scale_whatever_the_call_order()
    {
        var a = Parse(Figure.Line(new[] { 1.0, 2 }).WithRangeX(0.01, 1).WithLogX())["layout"]!["xaxis"]!["range"]!;
        var b = Parse(Figure.Line(new[] { 1.0, 2 }).WithLogX().WithRangeX(0.01, 1))["layout"]!["xaxis"]!["range"]!;
        Assert.Equal(new[] { -2.0, 0 }, Numbers(a));
        Assert.Equal(new[] { -2.0, 0 }, Numbers(b));
        Assert.Throws<ArgumentException>(() => Figure.Line(new[] { 1.0 }).WithLogY().WithRangeY(0, 1));
        Assert.Throws<ArgumentException>(() => Figure.Line(new[] { 1.0 }).WithRangeY(1, 1));
    }

    [Fact]
    public void A_tensor_series_is_read_whatever_its_dtype()
    {
        using var t = torch.tensor(new float[] { 0.5f, 0.25f }, new long[] { 2, 1 });
        Assert.Equal(new[] { 0.5, 0.25 }, Numbers(Parse(Figure.Line(t))["data"]![0]!["y"]));
        using var m = torch.zeros(2, 2);
        Assert.Contains("1-D tensor", Assert.Throws<ArgumentException>(() => Figure.Line(m)).Message);
    }
}
