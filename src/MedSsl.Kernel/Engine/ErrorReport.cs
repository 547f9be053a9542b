using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace MedSsl.Kernel.Engine;

/// <summary>
/// Errors as a notebook shows them: compiler diagnostics with the cell's own line numbers and the offending
/// line underlined; runtime exceptions with the cells' and libraries' frames, without the scripting machinery.
/// </summary>
internal static partial class ErrorReport
{
    public static CellError Compilation(IEnumerable<Diagnostic> diagnostics, string code)
    {
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var lines = code.ReplaceLineEndings("\n").Split('\n');
        var traceback = new List<string>();
        foreach (var d in errors)
        {
            traceback.Add(Describe(d));
            var span = d.Location.GetLineSpan();
            if (!d.Location.IsInSource || !string.IsNullOrEmpty(span.Path) || span.StartLinePosition.Line >= lines.Length) continue;
            var line = lines[span.StartLinePosition.Line];
            var start = span.StartLinePosition.Character;
            var end = span.EndLinePosition.Line == span.StartLinePosition.Line ? span.EndLinePosition.Character : line.Length;
            traceback.Add("    " + line.TrimEnd());
            traceback.Add("    " + new string(' ', Math.Min(start, line.Length)) + new string('^', Math.Max(1, end - start)));
        }
        var first = errors.Count > 0 ? Describe(errors[0]) : "compilation failed";
        return new CellError("CompilationError", first, traceback);
    }

    /// <summary>"(3,9): error CS0103: The name 'x' does not exist…", lines counted in the cell (1-based).</summary>
    static string Describe(Diagnostic d)
    {
        var span = d.Location.GetLineSpan();
        var where = d.Location.IsInSource ? $"({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})" : "";
        var file = string.IsNullOrEmpty(span.Path) ? "" : span.Path;
        return $"{file}{where}: error {d.Id}: {d.GetMessage()}".TrimStart(':', ' ');
    }

    /// <summary>cells maps a submission's assembly name to how the notebook names the cell ("[3]") and its source.</summary>
    public static CellError Runtime(Exception e, IReadOnlyDictionary<string, (string Label, string[] Lines)> cells)
    {
        e = Unwrap(e);
        var traceback = new List<string> { $"{e.GetType().FullName}: {e.Message}" };
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
            traceback.Add($" ---> {inner.GetType().FullName}: {inner.Message}");
        foreach (var frame in new StackTrace(e, fNeedFileInfo: true).GetFrames())
            traceback.AddRange(Frame(frame, cells));
        return new CellError(e.GetType().Name, e.Message, traceback);
    }

    public static CellError Interrupted() =>
        new("Interrupted", "the cell was interrupted", ["Interrupted: the cell was interrupted; earlier cells' variables are kept"]);

    static Exception Unwrap(Exception e) => e switch
    {
        AggregateException { InnerExceptions.Count: 1 } a => Unwrap(a.InnerExceptions[0]),
        TargetInvocationException { InnerException: { } inner } => Unwrap(inner),
        _ => e,
    };

    static IEnumerable<string> Frame(StackFrame frame, IReadOnlyDictionary<string, (string Label, string[] Lines)> cells)
    {
        var method = frame.GetMethod();
        var type = method?.DeclaringType;
        if (method is null || type is null) yield break;
        var assembly = type.Assembly.GetName().Name ?? "";
        var line = frame.GetFileLineNumber();
        if (cells.TryGetValue(assembly, out var cell))
        {
            var name = MemberName(type, method);
            yield return $"   in cell {cell.Label}, line {line}" + (name is null ? "" : $": {name}");
            if (line >= 1 && line <= cell.Lines.Length) yield return "      " + cell.Lines[line - 1].Trim();
            yield break;
        }
        if (IsMachinery(type)) yield break;
        var file = frame.GetFileName();
        yield return $"   at {TypeName(type)}.{MemberName(type, method) ?? method.Name}" + (file is null ? "" : $" in {Path.GetFileName(file)}:line {line}");
    }

    static bool IsMachinery(Type type)
    {
        var ns = (type.DeclaringType ?? type).Namespace ?? "";
        return ns.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)
            || ns.StartsWith("MedSsl.Kernel", StringComparison.Ordinal)
            || ns.StartsWith("System.Runtime.CompilerServices", StringComparison.Ordinal)
            || ns.StartsWith("System.Runtime.ExceptionServices", StringComparison.Ordinal)
            || ns == "System.Threading" || ns == "System.Threading.Tasks";
    }

    /// <summary>The user's name for a method, seen through the compiler's state machines, lambdas and local functions.</summary>
    static string? MemberName(Type type, MethodBase method)
    {
        var name = method.Name;
        if (name == "MoveNext" && CompilerName().Match(type.Name) is { Success: true } sm) name = sm.Groups[1].Value;
        if (LocalFunction().Match(name) is { Success: true } local) name = local.Groups[1].Value;
        if (name.StartsWith('<') || name is "<Initialize>" or "Initialize" or "<Factory>") return null;
        return name;
    }

    static string TypeName(Type type)
    {
        var outer = type;
        while (outer.DeclaringType is not null && outer.Name.StartsWith('<')) outer = outer.DeclaringType;
        return (outer.FullName ?? outer.Name).Replace('+', '.');
    }

    [GeneratedRegex(@"^<(.+)>d__\d+$")] private static partial Regex CompilerName();
    [GeneratedRegex(@"^<[^>]*>g__([^|]+)\|")] private static partial Regex LocalFunction();
}
