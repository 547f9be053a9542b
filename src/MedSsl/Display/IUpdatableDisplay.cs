namespace MedSsl.Display;

/// <summary>
/// A display shown once and then redrawn in place (a progress bar). The kernel sends its first bundle as
/// display_data with transient.display_id = <see cref="DisplayId"/>; later bundles arrive through
/// <see cref="DisplayUpdates.Sink"/> and go out as update_display_data with the same id.
/// </summary>
public interface IUpdatableDisplay : IMimeRenderable
{
    string DisplayId { get; }
}

/// <summary>Where updated bundles go. The kernel wires it once; outside a kernel it stays null.</summary>
public static class DisplayUpdates
{
    /// <summary>(display id, new bundle) → update_display_data. Called on the updating thread.</summary>
    public static Action<string, IReadOnlyDictionary<string, string>>? Sink { get; set; }

    /// <summary>Sends a display's current bundle to the sink, if there is one.</summary>
    public static void Publish(IUpdatableDisplay display)
    {
        if (Sink is { } sink) sink(display.DisplayId, display.ToMimeBundle());
    }
}
