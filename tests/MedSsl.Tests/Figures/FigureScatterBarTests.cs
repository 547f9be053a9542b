using System.Text.Json.Nodes;
using MedSsl.Figures;

namespace MedSsl.Tests;

public class FigureScatterBarTests
{
    static JsonNode Parse(Figure f) => JsonNode.Parse(f.ToJson())!;

    static double[] Numbers(JsonNode? a) => a!.AsArray().Select(v => v!.GetValue<double>()).ToArray();

    static string[] Strings(JsonNode? a) => a!.AsArray().Select(v => v!.GetValue<string>()).ToArray();

    [Fact]
    public void Scatter_makes_one_trace_per_colour_group_in_order_of_appearance()
    {
        var fig = Figure.Scatter(new[] { 0.0, 1, 2, 3 }, new[] { 10.0, 11, 12, 13 },
                                 color: new[] { "mel", "nv", "mel", "bcc" }, hover: new[] { "a", "b", "c", "d" });
        var data = Parse(fig)["data"]!.AsArray();
        Assert.Equal(new[] { "mel", "nv", "bcc" }, data.Select(t => t!["name"]!.GetValue<string>()));
        Assert.All(data, t => Assert.Equal("markers", t!["mode"]!.GetValue<string>()));
        Assert.Equal(new[] { 0.0, 2 }, Numbers(data[0]!["x"]));
        Assert.Equal(new[] { 10.0, 12 }, Numbers(data[0]!["y"]));
        Assert.Equal(new[] { "a", "c" }, Strings(data[0]!["text"]));
        Assert.Equal(Palette.Color(2), data[2]!["marker"]!["color"]!.GetValue<string>());
    }

    [Fact]
    public void Scatter_of_labelled_tensor_points_keeps_class_order_and_class_colours()
    {
        using var xy = torch.tensor(new float[] { 0, 0, 1, 1, 2, 2, 3, 3 }, 4, 2);
        using var labels = torch.tensor(new long[] { 3, 1, 3, 1 }, 4);
        var classes = new[] { "akiec", "bcc", "bkl", "df" };
        var data = Parse(Figure.Scatter(xy, labels, classes))["data"]!.AsArray();
        Assert.Equal(new[] { "bcc", "df" }, data.Select(t => t!["name"]!.GetValue<string>()));
        Assert.Equal(new[] { Palette.Color(1), Palette.Color(3) }, data.Select(t => t!["marker"]!["color"]!.GetValue<string>()));
        Assert.Equal(new[] { 1.0, 3 }, Numbers(data[0]!["x"]));
        using var bad = torch.tensor(new long[] { 0, 1, 2, 7 }, 4);
        Assert.Contains("Label 7 has no name", Assert.Throws<ArgumentException>(() => Figure.Scatter(xy, bad, classes)).Message);
        using var flat = torch.zeros(4, 3);
        Assert.Contains("[N, 2]", Assert.Throws<ArgumentException>(() => Figure.Scatter(flat)).Message);
    }

    [Fact]
    public void Scatter_coloured_by_many_cases_uses_one_trace_and_a_colour_scale()
    {
        int n = Figure.MaxLegendGroups + 5;
        var x = Enumerable.Range(0, n).Select(i => (double)i).ToArray();
        var cases = Enumerable.Range(0, n).Select(i => $"case {i}").ToArray();
        var data = Parse(Figure.Scatter(x, x, color: cases))["data"]!.AsArray();
        var trace = Assert.Single(data)!;
        Assert.Equal("Turbo", trace["marker"]!["colorscale"]!.GetValue<string>());
        Assert.Equal(n - 1, Numbers(trace["marker"]!["color"]).Max());
        Assert.Equal("case 3", Strings(trace["text"])[3]);
        Assert.False(trace["showlegend"]!.GetValue<bool>());
    }

    [Fact]
    public void Bars_for_one_series_and_grouped_series_with_error_bars()
    {
        var classes = new[] { "0", "1", "2" };
        var one = Parse(Figure.Bar(classes, new[] { 0.9, 0.5, 0.7 }, "accuracy"));
        Assert.Equal("bar", one["data"]![0]!["type"]!.GetValue<string>());
        Assert.Equal(classes, Strings(one["data"]![0]!["x"]));
        Assert.Equal("category", one["layout"]!["xaxis"]!["type"]!.GetValue<string>());

        var grouped = Parse(Figure.Bar(classes, new Values[] { new[] { 0.9, 0.5, 0.7 }, new[] { 0.8, 0.4, 0.6 } },
                                       new[] { "in-distribution", "shifted" }, errors: new Values[] { new[] { 0.01, 0.02, 0.03 }, new[] { 0.0, 0, 0 } }));
        Assert.Equal("group", grouped["layout"]!["barmode"]!.GetValue<string>());
        Assert.Equal(new[] { "in-distribution", "shifted" }, grouped["data"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()));
        Assert.Equal(new[] { 0.01, 0.02, 0.03 }, Numbers(grouped["data"]![0]!["error_y"]!["array"]));
        Assert.Contains("series 'x' has 2 values but categories has 3",
            Assert.Throws<ArgumentException>(() => Figure.Bar(classes, new[] { 1.0, 2 }, "x")).Message);
    }
}
