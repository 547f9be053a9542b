using System.Text.Json.Nodes;

namespace MedSsl.Kernel.Notebooks;

/// <summary>
/// `medssl notebook check`: committed notebooks must be clean — no outputs, no execution counts — so diffs
/// show code, not results. Names every offending file and cell; exit 1 if any (or if one cannot be read).
/// </summary>
public static class NotebookCheck
{
    public static int Run(IReadOnlyList<string> paths, string root, TextWriter console)
    {
        var missing = paths.Where(p => !File.Exists(p) && !Directory.Exists(p)).ToList();
        foreach (var p in missing) console.WriteLine($"{p}: no such file or folder");
        if (missing.Count > 0) return 2;
        var folders = paths.Count > 0 ? paths : [Path.Combine(root, "notebooks")];
        var files = folders.SelectMany(Expand).Distinct().Order().ToList();
        var problems = 0;
        foreach (var file in files)
        {
            NotebookFile notebook;
            try { notebook = NotebookFile.Load(file); }
            catch (InvalidDataException e) { console.WriteLine(e.Message); problems++; continue; }
            for (int i = 0; i < notebook.Cells.Count; i++)
            {
                if (notebook.Cells[i] is not JsonObject cell || (string?)cell["cell_type"] != "code") continue;
                var outputs = cell["outputs"] is JsonArray o ? o.Count : 0;
                var count = cell["execution_count"] is JsonValue v && v.TryGetValue(out int n) ? n : (int?)null;
                if (outputs == 0 && count is null) continue;
                var what = new List<string>();
                if (outputs > 0) what.Add($"{outputs} output{(outputs > 1 ? "s" : "")}");
                if (count is not null) what.Add($"execution_count {count}");
                console.WriteLine($"{file}: cell {i + 1} has {string.Join(" and ", what)}");
                problems++;
            }
        }
        if (problems > 0)
        {
            console.WriteLine($"{problems} problem(s): clear outputs before committing (Jupyter: Edit > Clear All Outputs; "
                              + "or jupyter nbconvert --clear-output --inplace FILE)");
            return 1;
        }
        console.WriteLine($"{files.Count} notebook(s) clean");
        return 0;
    }

    static IEnumerable<string> Expand(string path) =>
        File.Exists(path) ? [path]
        : Directory.Exists(path) ? Directory.EnumerateFiles(path, "*.ipynb", SearchOption.AllDirectories)
            .Where(f => !f.Contains(".ipynb_checkpoints", StringComparison.Ordinal))
        : [];
}
