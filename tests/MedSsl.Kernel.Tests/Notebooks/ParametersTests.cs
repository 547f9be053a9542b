using System.Text.Json.Nodes;
using MedSsl.Kernel.Notebooks;

namespace MedSsl.Kernel.Tests.Notebooks;

public class ParametersTests
{
    const string Defaults = "int epochs = 10;\ndouble lr = 0.3;\nvar name = \"derm\";\nvar batch = 256L;\nbool augment = true;\nfloat temperature = 0.1f;";

    [Theory]
    [InlineData("epochs", "3", "int epochs = 3;")]
    [InlineData("lr", "1", "double lr = 1;")]                       // typed like the default, not as an int
    [InlineData("lr", "1e-3", "double lr = 0.001;")]
    [InlineData("name", "cxr \"14\"\\", "string name = \"cxr \\\"14\\\"\\\\\";")]
    [InlineData("name", "42", "string name = \"42\";")]            // a string default keeps numbers as text
    [InlineData("batch", "512", "long batch = 512L;")]
    [InlineData("augment", "False", "bool augment = false;")]
    [InlineData("temperature", "0.5", "float temperature = 0.5f;")]
    public void Declaration_FollowsTheParametersCell(string name, string value, string expected) =>
        Assert.Equal(expected, Parameters.Declaration(name, value, Parameters.Declared(Defaults).GetValueOrDefault(name)));

    [Theory]
    [InlineData("7", "int seed = 7;")]
    [InlineData("3000000000", "long seed = 3000000000L;")]
    [InlineData("0.5", "double seed = 0.5;")]
    [InlineData("true", "bool seed = true;")]
    [InlineData("resnet50", "string seed = \"resnet50\";")]
    public void Declaration_InfersUndeclaredTypesFromTheText(string value, string expected) =>
        Assert.Equal(expected, Parameters.Declaration("seed", value, null));

    [Fact]
    public void Declaration_RejectsAValueOfTheWrongType()
    {
        var e = Assert.Throws<ArgumentException>(() => Parameters.Declaration("epochs", "ten", Parameters.Declared(Defaults)["epochs"]));
        Assert.Equal("-p epochs=ten: expected int (the parameters cell declares int epochs)", e.Message);
    }

    [Theory]
    [InlineData("epochs=3", "epochs", "3")]
    [InlineData("name=a=b", "name", "a=b")]
    [InlineData("empty=", "empty", "")]
    public void Parse_SplitsAtTheFirstEquals(string text, string name, string value) =>
        Assert.Equal((name, value), Parameters.Parse(text));

    [Theory]
    [InlineData("epochs")]
    [InlineData("=3")]
    [InlineData("2fast=1")]
    public void Parse_RejectsBadNames(string text) => Assert.Throws<ArgumentException>(() => Parameters.Parse(text));

    [Fact]
    public void Inject_ReplacesAnEarlierInjectedCell_RightAfterTheParametersCell()
    {
        using var dir = new TempDir();
        var path = TestNotebooks.Write(dir.File("p.ipynb"), TestNotebooks.Markdown("# t"), TestNotebooks.Cell("int epochs = 10;", "parameters"),
                                       TestNotebooks.Cell("// stale", "injected-parameters"), TestNotebooks.Cell("epochs"));
        var notebook = NotebookFile.Load(path);
        var warnings = new StringWriter();
        NotebookRunner.InjectParameters(notebook, [("epochs", "3"), ("extra", "x")], warnings);
        Assert.Equal(4, notebook.Cells.Count);
        var injected = (JsonObject)notebook.Cells[2]!;
        Assert.True(NotebookFile.HasTag(injected, "injected-parameters"));
        Assert.Equal("// Injected parameters\nint epochs = 3;\nstring extra = \"x\";", NotebookFile.Source(injected));
        Assert.NotNull(injected["id"]);
        Assert.Equal("3", (string?)notebook.Root["metadata"]!["papermill"]!["parameters"]!["epochs"]);
        Assert.Contains("parameter extra is not declared", warnings.ToString());
    }

    [Fact]
    public void Inject_WithoutAParametersCell_GoesToTheTopWithAWarning()
    {
        using var dir = new TempDir();
        var notebook = NotebookFile.Load(TestNotebooks.Write(dir.File("p.ipynb"), TestNotebooks.Cell("1")));
        var warnings = new StringWriter();
        NotebookRunner.InjectParameters(notebook, [("seed", "1")], warnings);
        Assert.True(NotebookFile.HasTag((JsonObject)notebook.Cells[0]!, "injected-parameters"));
        Assert.Contains("no cell tagged \"parameters\"", warnings.ToString());
    }
}
