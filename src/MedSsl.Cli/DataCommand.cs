using System.CommandLine;
using MedSsl.Data;

namespace MedSsl.Cli;

/// <summary>`medssl data inspect`: images, cases, bags, labels per split, split leakage and a leakage-free re-split.</summary>
internal static class DataCommand
{
    public static Command Create()
    {
        var name = new Argument<string?>("name") { Arity = ArgumentArity.ZeroOrOne, Description = "A catalogued dataset (default: every one found)." };
        var manifest = new Option<string?>("--manifest") { Description = "Inspect the dataset of this manifest file instead." };
        var root = new Option<string?>("--root") { Description = "The data folder (overrides the manifest's environment variable and the shared data folder)." };
        var seed = new Option<int>("--seed") { Description = "Seed of the case-level re-split.", DefaultValueFactory = _ => 0 };
        var skip = new Option<bool>("--skip-bad-rows") { Description = "Skip rows that cannot be read and report how many, instead of stopping." };
        var verify = new Option<bool>("--verify") { Description = "Also check the SHA-256 of the files the manifest lists." };
        var inspect = new Command("inspect", "Summarise datasets: images, cases, images per case, classes per split, source-split leakage, leakage-free re-split.")
        {
            name, manifest, root, seed, skip, verify,
        };
        inspect.SetAction(r => Inspect(r.GetValue(name), r.GetValue(manifest), r.GetValue(root), r.GetValue(seed),
            new ReadOptions { BadRows = r.GetValue(skip) ? BadRows.Skip : BadRows.Throw }, r.GetValue(verify)));
        return new Command("data", "Datasets: manifests, readers, splits.") { inspect };
    }

    static int Inspect(string? name, string? manifestFile, string? root, int seed, ReadOptions options, bool verify)
    {
        try
        {
            if (manifestFile != null) return Show(ManifestParser.Load(manifestFile), root, seed, options, verify) ? 0 : 1;
            if (name != null) return Show(ManifestCatalog.Get(name), root, seed, options, verify) ? 0 : 1;
        }
        catch (Exception e) when (e is ManifestException or KeyNotFoundException or FileNotFoundException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
        if (root != null) Console.Error.WriteLine("note: --root applies to one dataset; give its name.");
        var found = ManifestCatalog.All.Where(Available).ToList();
        if (found.Count == 0) Console.WriteLine($"No dataset found: the shared data folder is missing (set {DataPaths.SharedDataEnv}).");
        bool ok = found.Aggregate(true, (all, m) => Show(m, null, seed, options, verify) && all);
        var missing = ManifestCatalog.All.Except(found).Select(m => $"{m.Name} (set {m.RootEnv})").ToList();
        if (missing.Count > 0) Console.WriteLine($"also catalogued, not found here: {string.Join(", ", missing)}");
        return ok ? 0 : 1;
    }

    static bool Available(DatasetManifest m) =>
        Environment.GetEnvironmentVariable(m.RootEnv) is { Length: > 0 }
        || m.RootShared != null && DataPaths.SharedData() is { } shared && Directory.Exists(Path.Combine(shared, m.RootShared));

    static string FirstSentence(string text) => text.Split("; ")[0].Split(". ")[0].TrimEnd('.');

    static bool Show(DatasetManifest m, string? root, int seed, ReadOptions options, bool verify)
    {
        Console.WriteLine($"== {m.Name}: {m.Title}");
        try
        {
            var folder = ManifestDatasets.ResolveRoot(m, root);
            Console.WriteLine($"folder {folder}");
            var size = m.Size is { } s ? $"{m.Channels} x {s[0]} x {s[1]}" : $"{m.Channels} channel(s)";
            Console.WriteLine($"images {size}; case: {FirstSentence(m.CaseId)}");
            if (verify)
                foreach (var (file, matches) in ManifestDatasets.VerifyChecksums(m, folder))
                    Console.WriteLine($"sha256 {file}: {(matches ? "ok" : "MISMATCH")}");
            var dataset = ManifestDatasets.Open(m, folder, options);
            Console.Write(DatasetSummary.Of(dataset, seed).ToText());
            Console.WriteLine();
            return true;
        }
        catch (Exception e) when (e is DatasetException or ManifestException or IOException)
        {
            Console.WriteLine($"error: {e.Message}");
            Console.WriteLine();
            return false;
        }
    }
}
