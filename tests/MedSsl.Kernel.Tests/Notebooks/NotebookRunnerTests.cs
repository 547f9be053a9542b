using MedSsl.Kernel.Notebooks;
using MedSsl.Kernel.Tests.Engine;
using static MedSsl.Kernel.Tests.Notebooks.TestNotebooks;

namespace MedSsl.Kernel.Tests.Notebooks;

// Runs sessions, which redirect Console process-wide: serial with the engine tests.
[Collection("ScriptSession")]
public class NotebookRunnerTests
{
    static (int Code, string Console, string Errors) Run(string input, string output, params (string, string)[] parameters)
    {
        var (console, errors) = (new StringWriter(), new StringWriter());
        var code = NotebookRunner.Run(new RunRequest(input, output, parameters), console, errors);
        return (code, console.ToString(), errors.ToString());
    }

    [Fact]
    public void Run_InjectsParameters_AndWritesEveryOutputKind()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("data.txt"), "from the notebook's folder");
        File.WriteAllText(dir.File("helpers.csx"), "string Shout(string s) => s.ToUpperInvariant();");
        Directory.CreateDirectory(dir.File("lib"));
        File.Copy(typeof(Xunit.Abstractions.ITestOutputHelper).Assembly.Location, dir.File("lib/extra.dll"));
        var input = Write(dir.File("nb.ipynb"),
            Markdown("# Demo"),
            Cell("int epochs = 10;\nstring label = \"default\";", "parameters"),
            Cell("#load \"helpers.csx\"\n#r \"lib/extra.dll\"\n"   // both relative to the notebook's folder
                 + "Console.WriteLine($\"{Shout(label)}: {epochs}, {typeof(Xunit.Abstractions.ITestOutputHelper).Name}\");\n"
                 + "Console.WriteLine(File.ReadAllText(\"data.txt\"));\nShout(\"result\")"),
            Cell("var h = display(\"drawing\");\nh.Update(\"drawn\");"),
            Cell("new[] { new { Epoch = 1, Loss = 0.5 } }"));
        var output = dir.File("out/nb.ipynb");
        var (code, console, _) = Run(input, output, ("epochs", "3"), ("label", "run A"));
        Assert.Equal(NotebookRunner.Ok, code);
        Assert.Contains("wrote", console);
        var cells = Cells(output);
        Assert.Equal(6, cells.Count);
        Assert.Equal("RUN A: 3, ITestOutputHelper\nfrom the notebook's folder\nRESULT", OutputText(cells[3]!));
        Assert.Equal("drawn", OutputText(cells[4]!)); // update_display_data rewrote the display in place
        Assert.Equal("execute_result", (string?)cells[5]!["outputs"]![0]!["output_type"]);
        Assert.Contains("<th>Epoch</th>", string.Concat(cells[5]!["outputs"]![0]!["data"]!["text/html"]!.AsArray().Select(l => (string?)l)));
        Assert.Equal([1, 2, 3, 4, 5], cells.Where(c => (string?)c!["cell_type"] == "code").Select(c => (int)c!["execution_count"]!));
        Assert.Empty(Cells(input)[2]!["outputs"]!.AsArray()); // the input notebook is untouched
    }

    [Fact]
    public void Run_StopsAtTheFirstFailingCell_AndStillWritesTheNotebook()
    {
        using var dir = new TempDir();
        var input = Write(dir.File("fail.ipynb"),
            Cell("int.Parse(\"x\");", "raises-exception"),   // expected: the run goes on
            Cell("Console.WriteLine(\"before\");\nthrow new InvalidOperationException(\"cell two broke\");"),
            Cell("Console.WriteLine(\"never\");"));
        var output = dir.File("fail-out.ipynb");
        var (code, console, errors) = Run(input, output);
        Assert.Equal(NotebookRunner.CellFailed, code);
        Assert.Contains("raised as expected", console);
        Assert.Contains("cell 2 (In [2]) failed", errors);
        Assert.Contains("InvalidOperationException: cell two broke", errors);
        var cells = Cells(output);
        Assert.Equal("FormatException: The input string 'x' was not in a correct format.", OutputText(cells[0]!));
        Assert.Equal("before\nInvalidOperationException: cell two broke", OutputText(cells[1]!));
        Assert.Empty(cells[2]!["outputs"]!.AsArray());
        Assert.Null(cells[2]!["execution_count"]);
    }

    [Fact]
    public void Run_BadInput_ExitsTwo()
    {
        using var dir = new TempDir();
        Assert.Equal(NotebookRunner.BadInput, Run(dir.File("missing.ipynb"), dir.File("o.ipynb")).Code);
        File.WriteAllText(dir.File("broken.ipynb"), "{ not json");
        var (code, _, errors) = Run(dir.File("broken.ipynb"), dir.File("o.ipynb"));
        Assert.Equal(NotebookRunner.BadInput, code);
        Assert.Contains("broken.ipynb: not valid JSON", errors);
        var input = Write(dir.File("p.ipynb"), Cell("int epochs = 1;", "parameters"));
        Assert.Contains("expected int", Run(input, dir.File("o.ipynb"), ("epochs", "many")).Errors);
        Assert.False(File.Exists(dir.File("o.ipynb")));
    }
}
