using System.Diagnostics;
using MedSsl.Kernel.Engine;

namespace MedSsl.Kernel.Tests.Engine;

[Collection("ScriptSession")]
public class ScriptSessionTests(SessionFixture fixture)
{
    [Fact]
    public void Cells_ContinueOneState_AndAllowRedeclaration()
    {
        fixture.Run("var n = 10; int Twice(int x) => 2 * x;");
        var (outcome, sink) = fixture.Run("var n = Twice(21); n");
        Assert.Equal(CellStatus.Ok, outcome.Status);
        Assert.Equal("42", sink.Text("result"));
    }

    [Theory]
    [InlineData("Console.WriteLine(\"x\")", false)]      // void, even without ';'
    [InlineData("var q = 1;", false)]
    [InlineData("Math.Max(1, 2);", false)]
    [InlineData("object o = null; o", true)]             // a null result still shows
    [InlineData("await Task.Delay(1); 7", true)]
    [InlineData("await Task.Delay(1)", false)]
    public void Result_OnlyForATrailingExpressionWithAValue(string code, bool shows)
    {
        var (outcome, sink) = fixture.Run(code);
        Assert.Equal(CellStatus.Ok, outcome.Status);
        Assert.Equal(shows, sink.Outputs.Any(o => o.Kind == "result"));
    }

    [Fact]
    public void Console_IsCapturedInOrder()
    {
        var (_, sink) = fixture.Run("Console.Write(\"a\"); Console.Error.Write(\"b\"); Console.WriteLine(\"c\"); display(1); Console.WriteLine(\"d\");");
        Assert.Equal([("stdout", "a"), ("stderr", "b"), ("stdout", "c\n"), ("display", "1"), ("stdout", "d\n")],
                     sink.Outputs.Select(o => (o.Kind, o.Text.ReplaceLineEndings("\n"))).ToArray());
    }

    [Fact]
    public void Display_ReturnsAHandleThatUpdatesInPlace()
    {
        var (outcome, sink) = fixture.Run("var h = display(\"first\"); h.Update(\"second\"); h");
        Assert.Equal(CellStatus.Ok, outcome.Status);
        Assert.Equal([("display", "first"), ("update", "second")], sink.Outputs.ToArray()); // the handle itself is not a result
    }

    [Fact]
    public void KitIsReferencedAndImported()
    {
        var (outcome, sink) = fixture.Run("using MedSsl.Torch.Modules;\nvar t = torch.ones(2, 2); t.sum().item<float>()");
        Assert.Equal(CellStatus.Ok, outcome.Status);
        Assert.Equal("4", sink.Text("result"));
    }

    [Fact]
    public void CompilationErrors_CarryCellLineNumbersAndTheLine()
    {
        var (outcome, sink) = fixture.Run("int a = 1;\nint b = undefinedName;");
        Assert.Equal(CellStatus.Error, outcome.Status);
        var error = outcome.Error!;
        Assert.Equal("CompilationError", error.Name);
        Assert.StartsWith("(2,9): error CS0103", error.Value);
        Assert.Equal(["(2,9): error CS0103: The name 'undefinedName' does not exist in the current context",
                      "    int b = undefinedName;", "            ^^^^^^^^^^^^^"], error.Traceback);
        Assert.Single(sink.Outputs); // one error output, nothing on stderr
    }

    [Fact]
    public void RuntimeErrors_ShowTheCellsFrames_AndKeepEarlierAssignments()
    {
        var (outcome, _) = fixture.Run("var before = 5;\nvoid Boom() => throw new InvalidOperationException(\"boom\");\nBoom();");
        var error = outcome.Error!;
        Assert.Equal(("InvalidOperationException", "boom"), (error.Name, error.Value));
        Assert.Equal("System.InvalidOperationException: boom", error.Traceback[0]);
        Assert.Matches(@"^   in cell \[\d+\], line 2: Boom$", error.Traceback[1]);
        Assert.Contains("void Boom() => throw", error.Traceback[2]);
        Assert.Matches(@"^   in cell \[\d+\], line 3$", error.Traceback[3]);
        Assert.DoesNotContain(error.Traceback, l => l.Contains("Microsoft.CodeAnalysis") || l.Contains("MoveNext"));
        Assert.Equal("5", fixture.Run("before").Sink.Text("result"));
    }

    [Fact]
    public void RuntimeErrors_InTheKit_ShowItsFrames()
    {
        var (outcome, _) = fixture.Run("torch.ones(4, 4).mm(torch.ones(3, 5))");
        Assert.Equal("TorchException", outcome.Error!.Name);
        Assert.Contains("[4, 4]", outcome.Error.Value);
        Assert.Contains(outcome.Error.Traceback, l => l.StartsWith("   at MedSsl.Torch."));
    }

    [Fact]
    public void Interrupt_StopsATightLoop_AndTheSessionSurvives()
    {
        fixture.Run("var survivor = 17;");
        var outcome = RunAndInterrupt("while (true) { }", grace: TimeSpan.FromMilliseconds(200), out var elapsed);
        Assert.Equal(CellStatus.Interrupted, outcome.Status);
        Assert.Equal("Interrupted", outcome.Error!.Name);
        Assert.True(elapsed < TimeSpan.FromSeconds(10), $"took {elapsed}");
        Assert.Equal("18", fixture.Run("survivor + 1").Sink.Text("result"));
    }

    [Fact]
    public void Interrupt_FiresTheNotebookToken_BeforeAnyAbort()
    {
        // The kit's loops poll Notebook.CancellationToken: they stop at once, long before the (here 30 s) grace.
        var outcome = RunAndInterrupt("while (true) Notebook.CancellationToken.ThrowIfCancellationRequested();",
                                      grace: TimeSpan.FromSeconds(30), out var elapsed);
        Assert.Equal(CellStatus.Interrupted, outcome.Status);
        Assert.True(elapsed < TimeSpan.FromSeconds(10), $"took {elapsed}");
    }

    [Fact]
    public void Interrupt_WakesASleepingCell()
    {
        var outcome = RunAndInterrupt("System.Threading.Thread.Sleep(60_000);", grace: TimeSpan.FromMilliseconds(200), out var elapsed);
        Assert.Equal(CellStatus.Interrupted, outcome.Status);
        Assert.True(elapsed < TimeSpan.FromSeconds(10), $"took {elapsed}");
        Assert.Equal(CellStatus.Ok, fixture.Run("await Task.Delay(5); 1").Outcome.Status); // no stale interrupt left behind
    }

    [Fact]
    public void Interrupt_WithNothingRunning_ReportsFalse() => Assert.False(fixture.Session.Interrupt());

    CellOutcome RunAndInterrupt(string code, TimeSpan grace, out TimeSpan elapsed)
    {
        fixture.Session.InterruptGrace = grace;
        var run = Task.Run(() => fixture.Run(code).Outcome);
        Thread.Sleep(500);
        // Under load the cell may still be compiling: retry until there is a running cell to interrupt.
        var clock = Stopwatch.StartNew();
        while (!fixture.Session.Interrupt())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), "no cell started running within 20 s");
            Thread.Sleep(50);
        }
        clock.Restart();
        Assert.True(run.Wait(TimeSpan.FromSeconds(20)), "the cell did not stop");
        elapsed = clock.Elapsed;
        fixture.Session.InterruptGrace = TimeSpan.FromSeconds(1);
        return run.Result;
    }
}
