using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MedSsl.Torch.Native;

/// <summary>Finds libmedssl_native.so and sets libtorch's thread count on first load.</summary>
internal static class NativeLoader
{
    internal const string Library = "medssl_native";
    static string? loadedFrom;

    /// <summary>Where the shim was loaded from (for ./medssl doctor).</summary>
    internal static string LoadedFrom => loadedFrom ?? "(not loaded yet)";

    [ModuleInitializer]
    internal static void Register() =>
        NativeLibrary.SetDllImportResolver(typeof(NativeLoader).Assembly, Resolve);

    static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? path)
    {
        if (name != Library) return IntPtr.Zero;
        foreach (var candidate in Candidates())
        {
            if (File.Exists(candidate) && NativeLibrary.TryLoad(candidate, out var h))
            {
                loadedFrom = candidate;
                return h;
            }
        }
        throw new DllNotFoundException(
            "libmedssl_native.so was not found. Run ./medssl doctor (it builds the native shim), " +
            "or set MEDSSL_NATIVE_DIR to the folder that holds it. Looked in: " + string.Join(", ", Candidates()));
    }

    static IEnumerable<string> Candidates()
    {
        const string file = "libmedssl_native.so";
        var env = Environment.GetEnvironmentVariable("MEDSSL_NATIVE_DIR");
        if (!string.IsNullOrEmpty(env)) yield return Path.Combine(env, file);
        yield return Path.Combine(AppContext.BaseDirectory, file);
        // A source checkout: walk up to the repository and use build/native.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "MedSsl.Notebooks.sln")))
            {
                yield return Path.Combine(dir.FullName, "build", "native", file);
                yield break;
            }
    }
}
