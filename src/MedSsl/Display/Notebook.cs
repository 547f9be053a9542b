namespace MedSsl.Display;

/// <summary>
/// The notebook a piece of code runs in, if any. Long loops (training, evaluation) check
/// <see cref="CancellationToken"/> so the notebook's interrupt button stops them cleanly between steps;
/// <see cref="Display"/> shows a value below the running cell and returns a handle that redraws it in place.
/// Outside a notebook (the CLI, tests) the token never fires and Display prints the value's text.
/// </summary>
public static class Notebook
{
    static volatile INotebookHost? host;

    /// <summary>Called by the kernel and the headless runner; null detaches.</summary>
    public static void Attach(INotebookHost? notebookHost) => host = notebookHost;

    /// <summary>True inside the kernel or the headless runner.</summary>
    public static bool IsAttached => host is not null;

    /// <summary>Cancelled when the user interrupts the running cell.</summary>
    public static CancellationToken CancellationToken => host?.CancellationToken ?? CancellationToken.None;

    /// <summary>Shows a value as a new output of the running cell.</summary>
    public static DisplayHandle Display(object? value)
    {
        var handle = new DisplayHandle(Guid.NewGuid().ToString("N"));
        Show(value, handle.DisplayId, update: false);
        return handle;
    }

    /// <summary>Clears the running cell's outputs; with wait, only when the next output arrives (no flicker).</summary>
    public static void ClearOutput(bool wait = false)
    {
        if (host is { } h) h.ClearOutput(wait);
    }

    internal static void Show(object? value, string displayId, bool update)
    {
        var bundle = Formatter.ToMimeBundle(value);
        if (host is { } h) h.Display(bundle, displayId, update);
        else Console.Out.WriteLine(bundle["text/plain"]);
    }
}

/// <summary>What the kernel and the headless runner provide to <see cref="Notebook"/>.</summary>
public interface INotebookHost
{
    CancellationToken CancellationToken { get; }

    /// <summary>Publishes a bundle (display_data), or replaces the outputs carrying displayId (update_display_data).</summary>
    void Display(IReadOnlyDictionary<string, string> bundle, string displayId, bool update);

    void ClearOutput(bool wait);
}

/// <summary>An output shown with <see cref="Notebook.Display"/>; <see cref="Update"/> redraws it in place.</summary>
public sealed class DisplayHandle(string displayId)
{
    public string DisplayId { get; } = displayId;

    public void Update(object? value) => Notebook.Show(value, DisplayId, update: true);

    public override string ToString() => $"display {DisplayId}";
}
