using System.Text.Json.Nodes;
using MedSsl.Kernel.Notebooks;
using static MedSsl.Kernel.Tests.Notebooks.TestNotebooks;

namespace MedSsl.Kernel.Tests.Notebooks;

public class NotebookCheckTests
{
    [Fact]
    public void CleanNotebooks_Pass()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("notebooks/sub"));
        Write(dir.File("notebooks/a.ipynb"), Markdown("x"), Cell("1"));
        Write(dir.File("notebooks/sub/b.ipynb"), Cell("2"));
        var console = new StringWriter();
        Assert.Equal(0, NotebookCheck.Run([], dir.Path, console));
        Assert.Contains("2 notebook(s) clean", console.ToString());
    }

    [Fact]
    public void OutputsAndCounts_FailNamingFileAndCell()
    {
        using var dir = new TempDir();
        var dirty = Cell("1");
        dirty["execution_count"] = 4;
        ((JsonArray)dirty["outputs"]!).Add(new JsonObject { ["output_type"] = "stream", ["name"] = "stdout", ["text"] = "1" });
        var path = Write(dir.File("dirty.ipynb"), Markdown("x"), Cell("0"), dirty);
        var console = new StringWriter();
        Assert.Equal(1, NotebookCheck.Run([dir.Path], dir.Path, console));
        Assert.Contains($"{path}: cell 3 has 1 output and execution_count 4", console.ToString());
    }

    [Fact]
    public void MissingPaths_ExitTwo() =>
        Assert.Equal(2, NotebookCheck.Run(["/no/such/notebooks"], "/", new StringWriter()));
}
