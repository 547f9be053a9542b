namespace MedSsl.Figures;

/// <summary>Which figure outputs carry the 4.8 MB plotly.min.js inline.</summary>
public enum PlotlyJsEmbedding
{
    /// <summary>
    /// The first figure of the process carries it, later ones use the page's window.Plotly (plotly.py's
    /// notebook renderer does the same). Notebooks stay small (+4.8 MB once, not per figure), but if the
    /// output that carried the library is later cleared or replaced, the other figures show a message
    /// instead of the chart after the notebook is reopened. Restart-and-run-all restores them.
    /// </summary>
    FirstFigure,

    /// <summary>Every figure carries it: each output renders alone, at 4.8 MB per figure.</summary>
    EveryFigure,
}

/// <summary>
/// Finds and loads plotly.min.js (npm plotly.js-dist-min, pinned in Figures/js/package-lock.json and
/// installed into build/js by scripts/setup.sh). Figures inline it so they render with no internet;
/// cdn.plot.ly is never referenced (kernel-notes §4).
/// </summary>
public static class PlotlyJs
{
    /// <summary>Environment variable naming a plotly.min.js to use instead of the repository's.</summary>
    public const string PathVariable = "MEDSSL_PLOTLY_JS";

    /// <summary>Environment variable choosing the embedding: "first" (default) or "every".</summary>
    public const string EmbeddingVariable = "MEDSSL_PLOTLY_EMBED";

    const string RepoRelative = "build/js/node_modules/plotly.js-dist-min/plotly.min.js";

    static readonly object gate = new();
    static string? explicitPath, cachedPath, cachedSource;
    static bool carried;
    static PlotlyJsEmbedding? embedding;

    /// <summary>How figures embed the library; defaults from MEDSSL_PLOTLY_EMBED.</summary>
    public static PlotlyJsEmbedding Embedding
    {
        get => embedding ??= EmbeddingFromEnvironment();
        set => embedding = value;
    }

    /// <summary>A plotly.min.js to use; null (the default) means MEDSSL_PLOTLY_JS, then the repository's build/js.</summary>
    public static string? Path
    {
        get { lock (gate) return explicitPath; }
        set { lock (gate) { explicitPath = value; cachedPath = cachedSource = null; } }
    }

    /// <summary>The plotly.min.js that figures will inline, or null with the reason in <paramref name="why"/>.</summary>
    public static string? Locate(out string why)
    {
        var chosen = Path ?? Environment.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrEmpty(chosen))
        {
            why = File.Exists(chosen) ? "" : $"{PathVariable} points to {chosen}, which does not exist";
            return File.Exists(chosen) ? System.IO.Path.GetFullPath(chosen) : null;
        }
        if (MedSsl.Data.DataPaths.RepositoryRoot() is { } root)
        {
            var candidate = System.IO.Path.Combine(root, RepoRelative);
            if (File.Exists(candidate)) { why = ""; return candidate; }
            why = $"{candidate} is missing: run ./medssl setup (it installs plotly.js with npm)";
            return null;
        }
        why = $"no MedSsl.Notebooks.sln above {AppContext.BaseDirectory} and {PathVariable} is not set";
        return null;
    }

    /// <summary>The library's text, read once per path; null with the reason when it cannot be found.</summary>
    public static string? Source(out string why)
    {
        var path = Locate(out why);
        if (path is null) return null;
        lock (gate)
        {
            if (cachedPath != path)
            {
                // "</script" cannot occur in valid JS outside strings, regexes and comments, where "<\/" means the same.
                cachedSource = File.ReadAllText(path).Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase);
                cachedPath = path;
            }
            return cachedSource;
        }
    }

    /// <summary>Makes the next figure carry the library again (e.g. after clearing the output that had it).</summary>
    public static void Reset()
    {
        lock (gate) carried = false;
    }

    /// <summary>True when the figure being rendered now should inline the library.</summary>
    internal static bool ClaimInline()
    {
        if (Embedding == PlotlyJsEmbedding.EveryFigure) return true;
        lock (gate)
        {
            if (carried) return false;
            carried = true;
            return true;
        }
    }

    static PlotlyJsEmbedding EmbeddingFromEnvironment() =>
        Environment.GetEnvironmentVariable(EmbeddingVariable)?.Trim().ToLowerInvariant() switch
        {
            null or "" or "first" => PlotlyJsEmbedding.FirstFigure,
            "every" => PlotlyJsEmbedding.EveryFigure,
            var other => throw new InvalidOperationException(
                $"{EmbeddingVariable}='{other}' is not understood: use 'first' (default) or 'every'."),
        };
}
