namespace MedSsl.Data;

/// <summary>
/// Where the kit finds data: the shared folder of small real sets (<c>MEDSSL_DATA</c>, or a
/// <c>shared/data</c> folder beside the checkout or above it), never a copy inside the repository.
/// </summary>
public static class DataPaths
{
    /// <summary>Environment variable that overrides the shared data folder.</summary>
    public const string SharedDataEnv = "MEDSSL_DATA";

    /// <summary>The shared data folder, or null when there is none.</summary>
    public static string? SharedData()
    {
        var env = Environment.GetEnvironmentVariable(SharedDataEnv);
        if (!string.IsNullOrWhiteSpace(env)) return Directory.Exists(env) ? Path.GetFullPath(env) : null;
        foreach (var start in new[] { RepositoryRoot(), Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = start is null ? null : new DirectoryInfo(start); dir != null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "data");
                if (Directory.Exists(candidate)) return candidate;
            }
        return null;
    }

    /// <summary>The checkout root (the folder holding MedSsl.Notebooks.sln) above the working directory or the program, or null.</summary>
    public static string? RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "MedSsl.Notebooks.sln"))) return dir.FullName;
        return null;
    }
}
