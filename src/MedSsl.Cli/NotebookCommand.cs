using System.CommandLine;

namespace MedSsl.Cli;

/// <summary>
/// `medssl notebook run|check`: notebooks without Jupyter, executed by the kernel's own engine (so they behave
/// exactly as in JupyterLab or VS Code). The work happens in the kernel executable; this forwards to it.
/// </summary>
internal static class NotebookCommand
{
    public static Command Create()
    {
        var notebook = new Argument<string>("notebook") { Description = "The .ipynb to execute." };
        var parameters = new Option<string[]>("--parameter", "-p")
        {
            Description = "NAME=VALUE, typed like NAME's default in the cell tagged \"parameters\" (repeatable).",
        };
        var output = new Option<string?>("--output", "-o") { Description = "Executed copy to write (default: runs/notebooks/NAME.ipynb)." };
        var logOutput = new Option<bool>("--log-output") { Description = "Echo the cells' printed output while they run." };
        var run = new Command("run", "Execute a notebook headless (papermill-style parameters); exit 1 at the first failing cell.")
        {
            notebook, parameters, output, logOutput,
        };
        run.SetAction(r =>
        {
            var args = new List<string> { "run", r.GetValue(notebook)! };
            foreach (var p in r.GetValue(parameters) ?? []) args.AddRange(["-p", p]);
            if (r.GetValue(output) is { } o) args.AddRange(["-o", o]);
            if (r.GetValue(logOutput)) args.Add("--log-output");
            return KernelHost.Run(args);
        });

        var paths = new Argument<string[]>("paths") { Description = "Notebooks or folders (default: notebooks/).", Arity = ArgumentArity.ZeroOrMore };
        var check = new Command("check", "Fail if a notebook carries outputs or execution counts (keep committed notebooks clean).") { paths };
        check.SetAction(r => KernelHost.Run(["check", .. r.GetValue(paths) ?? []]));

        return new Command("notebook", "Run or check notebooks without Jupyter.") { run, check };
    }
}
