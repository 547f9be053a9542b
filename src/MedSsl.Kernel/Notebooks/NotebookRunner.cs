using System.Diagnostics;
using System.Text.Json.Nodes;
using MedSsl.Kernel.Engine;

namespace MedSsl.Kernel.Notebooks;

/// <summary>What `medssl notebook run` was asked to do.</summary>
public sealed record RunRequest(string Input, string Output, IReadOnlyList<(string Name, string Value)> Parameters, bool LogOutput = false);

/// <summary>
/// Executes a notebook without Jupyter, through the kernel's own engine (papermill-style): parameters are
/// injected after the cell tagged "parameters", every code cell runs in order in the notebook's folder, outputs
/// go into a copy of the notebook, and the first failing cell (unless tagged "raises-exception") stops the run.
/// Exit codes: 0 ok, 1 a cell failed, 2 bad input (file, notebook or parameter).
/// </summary>
public static class NotebookRunner
{
    public const int Ok = 0, CellFailed = 1, BadInput = 2;

    public static int Run(RunRequest request, TextWriter console, TextWriter errors)
    {
        NotebookFile notebook;
        try
        {
            notebook = NotebookFile.Load(request.Input);
            InjectParameters(notebook, request.Parameters, errors);
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException)
        {
            errors.WriteLine($"medssl notebook run: {e.Message}");
            return BadInput;
        }
        var output = Path.GetFullPath(request.Output);
        var folder = Path.GetDirectoryName(Path.GetFullPath(request.Input))!;
        var previousDirectory = Environment.CurrentDirectory;
        Environment.CurrentDirectory = folder; // as under Jupyter: relative paths start at the notebook
        try { return Execute(notebook, folder, request, console, errors); }
        finally
        {
            OutputCapture.Detach();
            Environment.CurrentDirectory = previousDirectory;
            notebook.Save(output);
            console.WriteLine($"wrote {request.Output}");
        }
    }

    static int Execute(NotebookFile notebook, string folder, RunRequest request, TextWriter console, TextWriter errors)
    {
        var session = new ScriptSession(folder);
        var displays = new Dictionary<string, List<JsonObject>>();
        var cells = notebook.CodeCells.ToList();
        var count = 0;
        foreach (var cell in cells) { cell["outputs"] = new JsonArray(); cell["execution_count"] = null; }
        for (int i = 0; i < cells.Count; i++)
        {
            var cell = cells[i];
            var where = $"cell {notebook.Cells.IndexOf(cell) + 1}";
            if (NotebookFile.HasTag(cell, "skip-execution")) { console.WriteLine($"[{i + 1}/{cells.Count}] {where}: skipped"); continue; }
            var source = NotebookFile.Source(cell);
            if (string.IsNullOrWhiteSpace(source)) continue;
            cell["execution_count"] = ++count;
            var clock = Stopwatch.StartNew();
            var sink = new NotebookSink((JsonArray)cell["outputs"]!, count, displays, request.LogOutput ? console : null);
            var outcome = session.Execute(source, sink, $"[{count}]");
            var expected = NotebookFile.HasTag(cell, "raises-exception");
            var status = outcome.Error is null ? "ok" : expected ? "raised as expected" : "failed";
            console.WriteLine($"[{i + 1}/{cells.Count}] {where}: {status} ({clock.Elapsed.TotalSeconds:F1} s)");
            if (outcome.Error is { } error && !expected)
            {
                errors.WriteLine($"{request.Input}, {where} (In [{count}]) failed:");
                errors.WriteLine($"{error.Name}: {error.Value}");
                foreach (var line in error.Traceback.Skip(1)) errors.WriteLine(line);
                return CellFailed;
            }
        }
        return Ok;
    }

    /// <summary>Replaces an earlier "injected-parameters" cell with one declaring the -p values, right after
    /// the cell tagged "parameters" (at the top when there is none), and records them in the metadata.</summary>
    public static void InjectParameters(NotebookFile notebook, IReadOnlyList<(string Name, string Value)> parameters, TextWriter warnings)
    {
        foreach (var old in notebook.CodeCells.Where(c => NotebookFile.HasTag(c, "injected-parameters")).ToList())
            notebook.Cells.Remove(old);
        if (parameters.Count == 0) return;
        var defaults = notebook.CodeCells.FirstOrDefault(c => NotebookFile.HasTag(c, "parameters"));
        if (defaults is null) warnings.WriteLine($"{notebook.Path}: no cell tagged \"parameters\"; injecting the parameters at the top");
        var declared = defaults is null ? new Dictionary<string, string>() : Parameters.Declared(NotebookFile.Source(defaults));
        var lines = new List<string> { "// Injected parameters" };
        var recorded = new JsonObject();
        foreach (var (name, value) in parameters)
        {
            if (defaults is not null && !declared.ContainsKey(name))
                warnings.WriteLine($"{notebook.Path}: parameter {name} is not declared in the parameters cell");
            lines.Add(Parameters.Declaration(name, value, declared.GetValueOrDefault(name)));
            recorded[name] = value;
        }
        var cell = NotebookFile.NewCodeCell(string.Join("\n", lines), "injected-parameters");
        if ((int?)notebook.Root["nbformat_minor"] >= 5) cell["id"] = Guid.NewGuid().ToString("N")[..8]; // ids exist from nbformat 4.5
        notebook.Cells.Insert(defaults is null ? 0 : notebook.Cells.IndexOf(defaults) + 1, cell);
        var metadata = notebook.Root["metadata"] as JsonObject ?? (JsonObject)(notebook.Root["metadata"] = new JsonObject());
        metadata["papermill"] = new JsonObject { ["parameters"] = recorded };
    }
}
