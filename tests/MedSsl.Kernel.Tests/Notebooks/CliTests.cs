using System.Text.Json.Nodes;
using static MedSsl.Kernel.Tests.Notebooks.TestNotebooks;

namespace MedSsl.Kernel.Tests.Notebooks;

/// <summary>The medssl CLI as users call it: kernel install, notebook run/check forwarded to the kernel executable.</summary>
public class CliTests
{
    static (int Code, string Out, string Err) Medssl(params string[] args) => Repo.Run(Repo.Dotnet, [Repo.CliDll, .. args]);

    [Fact]
    public void KernelInstall_WritesARunnableKernelspec()
    {
        using var dir = new TempDir();
        var (code, stdout, _) = Medssl("kernel", "install", "--prefix", dir.Path, "--interrupt-mode", "signal");
        Assert.Equal(0, code);
        Assert.Contains("medssl-csharp", stdout);
        var spec = JsonNode.Parse(File.ReadAllText(dir.File("share/jupyter/kernels/medssl-csharp/kernel.json")))!;
        Assert.Equal("C# (MedSSL)", (string?)spec["display_name"]);
        Assert.Equal("C#", (string?)spec["language"]);
        Assert.Equal("signal", (string?)spec["interrupt_mode"]);
        var argv = spec["argv"]!.AsArray().Select(a => (string?)a).ToArray();
        Assert.True(File.Exists(argv[0]) || argv[0] == "dotnet", argv[0]);
        Assert.Equal(Repo.KernelDll, argv[1]);
        Assert.Equal("{connection_file}", argv[2]);
    }

    [Fact]
    public void KernelInstall_DefaultsToTheUserDataFolder()
    {
        using var dir = new TempDir();
        var (code, _, _) = Repo.Run(Repo.Dotnet, [Repo.CliDll, "kernel", "install"], env: new Dictionary<string, string> { ["JUPYTER_DATA_DIR"] = dir.Path });
        Assert.Equal(0, code);
        Assert.Equal("message", (string?)JsonNode.Parse(File.ReadAllText(dir.File("kernels/medssl-csharp/kernel.json")))!["interrupt_mode"]);
    }

    [Fact]
    public void NotebookRun_ForwardsTheExitCodeAndNamesTheFailingCell()
    {
        using var dir = new TempDir();
        var input = Write(dir.File("nb.ipynb"), Cell("int n = 1;", "parameters"), Cell("if (n > 1) throw new Exception($\"n was {n}\");"));
        var ok = Medssl("notebook", "run", input, "-o", dir.File("ok.ipynb"));
        Assert.True(ok.Code == 0, ok.Out + ok.Err);
        var failed = Medssl("notebook", "run", input, "-p", "n=2", "-o", dir.File("failed.ipynb"));
        Assert.Equal(1, failed.Code);
        Assert.Contains("cell 3 (In [3]) failed", failed.Err); // cell 2 is the injected one
        Assert.Contains("n was 2", failed.Err);
        Assert.Equal(2, Medssl("notebook", "run", input, "-p", "not a name").Code);
    }

    [Fact]
    public void NotebookCheck_FailsOnAnExecutedNotebook()
    {
        using var dir = new TempDir();
        var input = Write(dir.File("nb.ipynb"), Cell("1 + 1"));
        Assert.Equal(0, Medssl("notebook", "check", input).Code);
        Assert.Equal(0, Medssl("notebook", "run", input, "-o", dir.File("run/nb.ipynb")).Code);
        var (code, stdout, _) = Medssl("notebook", "check", dir.File("run"));
        Assert.Equal(1, code);
        Assert.Contains("cell 1 has 1 output and execution_count 1", stdout);
    }
}
