using MedSsl.Display;

namespace MedSsl.Kernel.Engine;

/// <summary>Functions every cell can call without a prefix, named as in IPython.</summary>
public class ScriptGlobals
{
    /// <summary>Shows a value below the cell now; the handle's Update(x) redraws it in place.</summary>
    public DisplayHandle display(object? value) => Notebook.Display(value);

    /// <summary>Clears this cell's outputs (with wait: when the next output arrives, so a loop redraws without flicker).</summary>
    public void clear_output(bool wait = false) => Notebook.ClearOutput(wait);
}
