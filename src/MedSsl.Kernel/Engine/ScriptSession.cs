using MedSsl.Display;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;

namespace MedSsl.Kernel.Engine;

/// <summary>
/// One notebook's C# state: each cell is a Roslyn script submission continuing the previous ones, so variables,
/// methods and classes carry over (and may be redeclared). Shared by the kernel and the headless runner.
/// Execute runs on the caller's thread; Interrupt may be called from any thread.
/// </summary>
public sealed class ScriptSession : INotebookHost
{
    readonly ScriptOptions options;
    readonly ScriptGlobals globals = new();
    readonly Dictionary<string, (string Label, string[] Lines)> cells = new();
    readonly object runGate = new();
    volatile ScriptState<object>? state;
    CancellationTokenSource? soft, hard;
    Timer? deadline;
    Thread? cellThread;
    volatile bool inUserCode;
    OutputCapture? capture;

    /// <summary>How long a cell that ignores <see cref="Notebook.CancellationToken"/> gets before it is aborted.</summary>
    public TimeSpan InterruptGrace { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>baseDirectory: where `#r "x.dll"` and `#load "x.csx"` paths start (the notebook's folder).</summary>
    public ScriptSession(string baseDirectory)
    {
        options = ScriptEnvironment.Create(Path.GetFullPath(baseDirectory));
    }

    /// <summary>Compiles and runs the usings once so the first real cell starts fast.</summary>
    public void WarmUp()
    {
        if (state is not null) return;
        var script = CSharpScript.Create("", options, typeof(ScriptGlobals));
        state = script.RunAsync(globals).GetAwaiter().GetResult();
    }

    /// <summary>Runs a cell, sending its outputs to sink. label names the cell in tracebacks ("[3]", "cell 5").</summary>
    public CellOutcome Execute(string code, ICellSink sink, string label)
    {
        lock (runGate)
        {
            soft = new CancellationTokenSource();
            hard = new CancellationTokenSource();
            cellThread = Thread.CurrentThread;
            capture = OutputCapture.Begin(sink);
            Notebook.Attach(this); // display() and the cancellation token of kit code now mean this cell
        }
        try
        {
            WarmUp();
            return Run(code, state!, label);
        }
        catch (ThreadInterruptedException) when (soft!.IsCancellationRequested)
        {
            return Fail(ErrorReport.Interrupted(), CellStatus.Interrupted); // the interrupt landed just after the cell's code
        }
        catch (Exception e) when (e is not (OutOfMemoryException or StackOverflowException))
        {
            return Fail(ErrorReport.Runtime(e, cells), CellStatus.Error); // the engine itself failed: say so in the cell
        }
        finally
        {
            lock (runGate)
            {
                deadline?.Dispose();
                deadline = null;
                capture.Dispose();
                soft = hard = null; // not disposed: an abort already queued may still cancel them
                cellThread = null;
            }
            CellThread.ClearInterrupt();
        }
    }

    CellOutcome Run(string code, ScriptState<object> previous, string label)
    {
        var script = previous.Script.ContinueWith(code);
        var compilation = script.GetCompilation();
        try
        {
            var diagnostics = script.Compile(soft!.Token);
            if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
                return Fail(ErrorReport.Compilation(diagnostics, code), CellStatus.Error);
        }
        catch (OperationCanceledException) { return Fail(ErrorReport.Interrupted(), CellStatus.Interrupted); }
        catch (CompilationErrorException ce) { return Fail(ErrorReport.Compilation(ce.Diagnostics, code), CellStatus.Error); }
        cells[compilation.AssemblyName!] = (label, code.ReplaceLineEndings("\n").Split('\n'));

        ScriptState<object> next;
        try
        {
            inUserCode = true;
            next = CellThread.Run(() => script.RunFromAsync(previous, _ => true, CancellationToken.None), soft.Token, hard!.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or ThreadInterruptedException && soft.IsCancellationRequested)
        {
            return Fail(ErrorReport.Interrupted(), CellStatus.Interrupted);
        }
        finally { inUserCode = false; }
        state = next; // after a runtime error too: what the cell assigned before throwing stays, as in Python
        if (next.Exception is { } thrown)
            return thrown is OperationCanceledException or ThreadInterruptedException && soft.IsCancellationRequested
                ? Fail(ErrorReport.Interrupted(), CellStatus.Interrupted)
                : Fail(ErrorReport.Runtime(thrown, cells), CellStatus.Error);
        if (!HasValue(compilation) || next.ReturnValue is DisplayHandle) return new CellOutcome(CellStatus.Ok, null, null);
        IReadOnlyDictionary<string, string> bundle;
        try { bundle = Formatter.ToMimeBundle(next.ReturnValue); }
        catch (Exception formatError) { return Fail(ErrorReport.Runtime(formatError, cells), CellStatus.Error); }
        capture!.Emit(s => s.Result(bundle));
        return new CellOutcome(CellStatus.Ok, bundle, null);
    }

    CellOutcome Fail(CellError error, CellStatus status)
    {
        capture!.Emit(s => s.Error(error));
        return new CellOutcome(status, null, error);
    }

    /// <summary>True when the cell ends in an expression without ';' whose type is not void ("x", "await F()").</summary>
    static bool HasValue(Compilation compilation)
    {
        var tree = CellTree(compilation);
        if (tree.GetRoot() is not CompilationUnitSyntax unit || unit.Members.LastOrDefault() is not GlobalStatementSyntax
            { Statement: ExpressionStatementSyntax { SemicolonToken.IsMissing: true } last })
            return false;
        var type = compilation.GetSemanticModel(tree).GetTypeInfo(last.Expression).Type;
        return type is not null && type.SpecialType != SpecialType.System_Void;
    }

    /// <summary>The cell's own syntax tree (files pulled in with #load have paths; the cell has none).</summary>
    internal static SyntaxTree CellTree(Compilation compilation) =>
        compilation.SyntaxTrees.LastOrDefault(t => string.IsNullOrEmpty(t.FilePath)) ?? compilation.SyntaxTrees.Last();

    /// <summary>Stops the running cell: its cancellation token fires now, and code that ignores it is aborted after the grace period.</summary>
    public bool Interrupt()
    {
        lock (runGate)
        {
            if (soft is null) return false;
            soft.Cancel();
            var (thread, toAbort) = (cellThread!, hard!);
            deadline ??= new Timer(_ =>
            {
                lock (runGate)
                    if (hard == toAbort && inUserCode) CellThread.Abort(thread, toAbort); // a compile stops on the soft token
            }, null, InterruptGrace, Timeout.InfiniteTimeSpan);
            return true;
        }
    }

    /// <summary>The cell as the next submission, for completion and inspection (never run).</summary>
    internal Script<object> Preview(string code) =>
        state is { } s ? s.Script.ContinueWith(code) : CSharpScript.Create(code, options, typeof(ScriptGlobals));

    public IReadOnlyList<string> Complete(string code, int position, out int start, out int end) =>
        Completion.Complete(Preview(code), position, out start, out end);

    public string? Inspect(string code, int position, int detailLevel) =>
        Inspection.Describe(Preview(code), position, detailLevel, name => state?.GetVariable(name)?.Value);

    public static string IsComplete(string code, out string indent) => Completeness.Check(code, out indent);

    CancellationToken INotebookHost.CancellationToken
    {
        get { lock (runGate) return soft?.Token ?? CancellationToken.None; }
    }

    void INotebookHost.Display(IReadOnlyDictionary<string, string> bundle, string displayId, bool update) =>
        Current().Emit(s => s.Display(bundle, displayId, update));

    void INotebookHost.ClearOutput(bool wait) => Current().Emit(s => s.ClearOutput(wait));

    OutputCapture Current()
    {
        lock (runGate) return capture ?? throw new InvalidOperationException("display() needs a running cell");
    }
}

/// <summary>How a cell ended, its result's bundle (for history) and its error.</summary>
public sealed record CellOutcome(CellStatus Status, IReadOnlyDictionary<string, string>? Result, CellError? Error);
