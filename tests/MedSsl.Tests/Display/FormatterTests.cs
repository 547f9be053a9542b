using System.Globalization;
using MedSsl.Display;

namespace MedSsl.Tests.Display;

public class FormatterTests
{
    record Row(string Name, double Auc);
    record struct Point(int X, int Y);
    class Animal { public override string ToString() => "animal"; }
    class Dog : Animal { public override string ToString() => "dog"; }
    class Puppy : Dog { }
    class Chart(string html) : IMimeRenderable
    {
        public IReadOnlyDictionary<string, string> ToMimeBundle() => new Dictionary<string, string> { ["text/html"] = html };
        public override string ToString() => "chart";
    }

    static string Text(object? value) => Formatter.ToMimeBundle(value)["text/plain"];

    [Fact]
    public void Scalars_AreInvariantText()
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        try
        {
            Assert.Equal("0.5", Text(0.5));
            Assert.Equal("null", Text(null));
            Assert.Equal("plain \"text\"", Text("plain \"text\""));
        }
        finally { CultureInfo.CurrentCulture = culture; }
    }

    [Fact]
    public void Tensor_UsesItsToString()
    {
        using var t = torch.ones(2);
        Assert.StartsWith("tensor({2}, float32", Text(t));
    }

    [Fact]
    public void Sequences_ListTheirItems()
    {
        Assert.Equal("int[3] { 1, 2, 3 }", Text(new[] { 1, 2, 3 }));
        Assert.Equal("List<string>(2) { \"a\", \"b\" }", Text(new List<string> { "a", "b" }));
        Assert.Equal("List<int>(0) { }", Text(new List<int>()));
    }

    [Fact]
    public void InfiniteSequences_AreCutAtMaxItems()
    {
        var text = Text(Enumerable.Range(0, int.MaxValue).Select(i => i));
        Assert.EndsWith(", 99, … }", text);
    }

    [Fact]
    public void Records_RenderAsHtmlAndTextTables()
    {
        var bundle = Formatter.ToMimeBundle(new List<Row> { new("<b>derm</b>", 0.91), new("cxr", 0.77) });
        var html = bundle["text/html"];
        Assert.Contains("<th>Name</th><th>Auc</th>", html);
        Assert.Contains("<td>&quot;&lt;b&gt;derm&lt;/b&gt;&quot;</td><td>0.91</td>", html);
        Assert.Equal("            Name   Auc\n0  \"<b>derm</b>\"  0.91\n1          \"cxr\"  0.77", bundle["text/plain"]);
    }

    [Fact]
    public void AnonymousObjectsTuplesAndPairs_AreTables()
    {
        Assert.Contains("<th>Epoch</th><th>Loss</th>", Formatter.ToMimeBundle(new[] { new { Epoch = 1, Loss = 0.5 } })["text/html"]);
        Assert.Contains("<th>Item1</th><th>Item2</th>", Formatter.ToMimeBundle(new List<(int, string)> { (1, "a") })["text/html"]);
        Assert.Contains("<th>Key</th><th>Value</th>", Formatter.ToMimeBundle(new Dictionary<string, int> { ["a"] = 1 })["text/html"]);
        Assert.Contains("<th>X</th><th>Y</th>", Formatter.ToMimeBundle(new[] { new Point(1, 2) })["text/html"]);
    }

    [Fact]
    public void LazyTables_AreEnumeratedOnceAndCut()
    {
        var pulled = 0;
        var rows = Enumerable.Range(0, 1000).Select(i => { pulled++; return new Row($"r{i}", i); });
        var bundle = Formatter.ToMimeBundle(rows);
        Assert.Equal(Formatter.MaxItems + 1, pulled);
        Assert.Contains("<tr><th>…</th>", bundle["text/html"]);
        Assert.EndsWith("\n…", bundle["text/plain"]);
    }

    [Fact]
    public void MimeRenderables_KeepTheirBundle_AndGainTextPlain()
    {
        var bundle = Formatter.ToMimeBundle(new Chart("<div>c</div>"));
        Assert.Equal("<div>c</div>", bundle["text/html"]);
        Assert.Equal("chart", bundle["text/plain"]);
    }

    [Fact]
    public void Registered_MostSpecificTypeWins_ThenTheLatest()
    {
        Formatter.Register<Animal>(a => new Dictionary<string, string> { ["text/plain"] = "any animal" });
        Formatter.Register<Dog>(d => new Dictionary<string, string> { ["text/plain"] = "a dog" });
        Assert.Equal("any animal", Text(new Animal()));
        Assert.Equal("a dog", Text(new Puppy())); // Dog is closer than Animal
        Formatter.Register<Dog>(d => new Dictionary<string, string> { ["text/html"] = "<i>dog</i>" });
        var bundle = Formatter.ToMimeBundle(new Dog());
        Assert.Equal("<i>dog</i>", bundle["text/html"]);
        Assert.Equal("dog", bundle["text/plain"]); // filled from ToString
    }
}
