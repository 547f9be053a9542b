using MedSsl.Kernel.Engine;

namespace MedSsl.Kernel.Tests.Engine;

/// <summary>Collects a cell's outputs as (kind, text) pairs: stream names, "display", "update", "result", "error", "clear".</summary>
internal sealed class RecordingSink : ICellSink
{
    public List<(string Kind, string Text)> Outputs { get; } = new();

    public void Stream(string name, string text) => Outputs.Add((name, text));

    public void Display(IReadOnlyDictionary<string, string> bundle, string? displayId, bool update) =>
        Outputs.Add((update ? "update" : "display", bundle["text/plain"]));

    public void Result(IReadOnlyDictionary<string, string> bundle) => Outputs.Add(("result", bundle["text/plain"]));

    public void Error(CellError error) => Outputs.Add(("error", $"{error.Name}: {error.Value}\n{string.Join("\n", error.Traceback)}"));

    public void ClearOutput(bool wait) => Outputs.Add(("clear", wait.ToString()));

    public string Text(string kind) => string.Concat(Outputs.Where(o => o.Kind == kind).Select(o => o.Text));
}
