namespace MedSsl.Kernel.Notebooks;

/// <summary>
/// The kernel executable's notebook commands, which `medssl notebook run|check` forwards to:
///   run NOTEBOOK [-p NAME=VALUE]... [-o OUT] [--log-output]
///   check [PATH]...
/// </summary>
public static class NotebookCommandLine
{
    public static int Run(string[] args)
    {
        string? input = null, output = null;
        var parameters = new List<(string, string)>();
        var logOutput = false;
        try
        {
            for (int i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "-p" or "--parameter": parameters.Add(Parameters.Parse(Value(args, ref i))); break;
                    case "-o" or "--output": output = Value(args, ref i); break;
                    case "--log-output": logOutput = true; break;
                    case var a when a.StartsWith('-'): throw new ArgumentException($"unknown option {a}");
                    case var a when input is null: input = a; break;
                    default: throw new ArgumentException($"unexpected argument {args[i]}");
                }
            }
            if (input is null) throw new ArgumentException("which notebook? usage: run NOTEBOOK [-p NAME=VALUE]... [-o OUT]");
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"medssl notebook run: {e.Message}");
            return NotebookRunner.BadInput;
        }
        output ??= Path.Combine(RepositoryRoot(), "runs", "notebooks", Path.GetFileName(input));
        return NotebookRunner.Run(new RunRequest(input, output, parameters, logOutput), Console.Out, Console.Error);
    }

    public static int Check(string[] args) => NotebookCheck.Run(args, RepositoryRoot(), Console.Out);

    static string Value(string[] args, ref int i) =>
        i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");

    /// <summary>The checkout (the folder holding MedSsl.Notebooks.sln) around the current folder, else the current folder.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "MedSsl.Notebooks.sln"))) return dir.FullName;
        return Environment.CurrentDirectory;
    }
}
