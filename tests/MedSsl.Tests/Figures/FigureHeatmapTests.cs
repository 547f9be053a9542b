using System.Text.Json.Nodes;
using MedSsl.Figures;

namespace MedSsl.Tests;

public class FigureHeatmapTests
{
    static JsonNode Parse(Figure f) => JsonNode.Parse(f.ToJson())!;

    static readonly string[] Classes = { "mel", "nv", "df" };

    [Fact]
    public void Confusion_colours_by_row_fraction_and_writes_count_and_percent()
    {
        var counts = new long[,] { { 8, 2, 0 }, { 1, 90, 9 }, { 0, 0, 0 } };
        var fig = Figure.Confusion(counts, Classes);
        var json = Parse(fig);
        var t = json["data"]![0]!;
        Assert.Equal("heatmap", t["type"]!.GetValue<string>());
        Assert.Equal(Classes, t["x"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal(Classes, t["y"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal(0.8, t["z"]![0]![0]!.GetValue<double>(), 12);
        Assert.Equal(0.09, t["z"]![1]![2]!.GetValue<double>(), 12);
        Assert.Equal(0.0, t["z"]![2]![1]!.GetValue<double>());  // an empty class has no fractions, not NaN
        Assert.Equal("90<br>90%", t["text"]![1]![1]!.GetValue<string>());
        Assert.Equal("%{text}", t["texttemplate"]!.GetValue<string>());
        Assert.Equal(1, t["zmax"]!.GetValue<int>());
        var layout = json["layout"]!;
        Assert.Equal("predicted", layout["xaxis"]!["title"]!["text"]!.GetValue<string>());
        Assert.Equal("true", layout["yaxis"]!["title"]!["text"]!.GetValue<string>());
        Assert.Equal("reversed", layout["yaxis"]!["autorange"]!.GetValue<string>());
        Assert.Equal("x", layout["yaxis"]!["scaleanchor"]!.GetValue<string>());
    }

    [Fact]
    public void Confusion_from_a_tensor_matches_the_array_form()
    {
        using var t = torch.tensor(new long[] { 8, 2, 0, 1, 90, 9, 0, 0, 1 }, 3, 3);
        var fromTensor = Figure.Confusion(t, Classes).ToJson();
        var fromArray = Figure.Confusion(new long[,] { { 8, 2, 0 }, { 1, 90, 9 }, { 0, 0, 1 } }, Classes).ToJson();
        Assert.Equal(fromArray, fromTensor);
    }

    [Fact]
    public void Confusion_rejects_non_square_matrices_and_wrong_class_counts()
    {
        Assert.Contains("square", Assert.Throws<ArgumentException>(() => Figure.Confusion(new long[2, 3], Classes)).Message);
        Assert.Contains("classNames has 3 values but the confusion matrix has 2",
            Assert.Throws<ArgumentException>(() => Figure.Confusion(new long[2, 2], Classes)).Message);
    }

    [Fact]
    public void Heatmap_writes_formatted_values_when_asked()
    {
        var t = Parse(Figure.Heatmap(new double[,] { { 0.123, 1 }, { 2, 3 } }, new[] { "a", "b" }, new[] { "r0", "r1" }, "0.00"))["data"]![0]!;
        Assert.Equal("0.12", t["text"]![0]![0]!.GetValue<string>());
        Assert.Equal(3.0, t["z"]![1]![1]!.GetValue<double>());
        Assert.Null(Parse(Figure.Heatmap(new double[,] { { 1 } }))["data"]![0]!["text"]);
    }
}
