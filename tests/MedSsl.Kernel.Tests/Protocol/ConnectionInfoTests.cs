using MedSsl.Kernel.Protocol;

namespace MedSsl.Kernel.Tests.Protocol;

public class ConnectionInfoTests : IDisposable
{
    readonly string path = Path.Combine(Path.GetTempPath(), $"medssl-conn-{Guid.NewGuid():N}.json");

    public void Dispose() => File.Delete(path);

    [Fact]
    public void Load_ReadsJupyterClientFile()
    {
        File.WriteAllText(path, """
            {"shell_port": 50001, "iopub_port": 50002, "stdin_port": 50003, "control_port": 50004, "hb_port": 50005,
             "ip": "127.0.0.1", "key": "abc", "transport": "tcp", "signature_scheme": "hmac-sha256", "kernel_name": "medssl-csharp"}
            """);
        var info = ConnectionInfo.Load(path);
        Assert.Equal("abc", info.Key);
        Assert.Equal("tcp://127.0.0.1:50004", info.Endpoint(info.ControlPort));
        Assert.Equal(50005, info.HbPort);
    }

    [Fact]
    public void Endpoint_FollowsJupyterIpcNaming() =>
        Assert.Equal("ipc:///tmp/kernel-7-50001",
            new ConnectionInfo("ipc", "/tmp/kernel-7", 50001, 2, 3, 4, 5, "", "hmac-sha256").Endpoint(50001));

    [Theory]
    [InlineData("""{"iopub_port": 1, "stdin_port": 2, "control_port": 3, "hb_port": 4}""", "shell_port")]
    [InlineData("""{"shell_port": "x", "iopub_port": 1, "stdin_port": 2, "control_port": 3, "hb_port": 4}""", "shell_port")]
    [InlineData("""{"shell_port": 1, "iopub_port": 1, "stdin_port": 2, "control_port": 3, "hb_port": 4, "key": "k", "signature_scheme": "hmac-md5"}""", "hmac-md5")]
    [InlineData("""{"shell_port": 1, "iopub_port": 1, "stdin_port": 2, "control_port": 3, "hb_port": 4, "transport": "udp"}""", "udp")]
    [InlineData("not json", "cannot read")]
    public void Load_NamesTheProblem(string json, string expected)
    {
        File.WriteAllText(path, json);
        var e = Assert.Throws<InvalidDataException>(() => ConnectionInfo.Load(path));
        Assert.Contains(expected, e.Message);
        Assert.Contains(path, e.Message);
    }
}
