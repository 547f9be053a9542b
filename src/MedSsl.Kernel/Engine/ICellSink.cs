namespace MedSsl.Kernel.Engine;

/// <summary>
/// Where a running cell's outputs go, in order: the kernel publishes them on iopub, the headless runner
/// writes them into the notebook. Called from the cell's thread (or threads it started), never concurrently.
/// </summary>
public interface ICellSink
{
    /// <summary>Text written to Console.Out ("stdout") or Console.Error ("stderr"), batched.</summary>
    void Stream(string name, string text);

    /// <summary>A display_data, or with update an update_display_data for the outputs carrying displayId.</summary>
    void Display(IReadOnlyDictionary<string, string> bundle, string? displayId, bool update);

    /// <summary>The value of the cell's last expression (execute_result).</summary>
    void Result(IReadOnlyDictionary<string, string> bundle);

    void Error(CellError error);

    void ClearOutput(bool wait);
}

/// <summary>An error as Jupyter shows it: "{Name}: {Value}" and the traceback lines.</summary>
public sealed record CellError(string Name, string Value, IReadOnlyList<string> Traceback);

/// <summary>How a cell ended.</summary>
public enum CellStatus { Ok, Error, Interrupted }
