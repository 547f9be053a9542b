namespace MedSsl.Tests.Models;

/// <summary>
/// torchvision ResNet-18, ResNet-50 and a small-stem grey ResNet-18 with random weights (random BN statistics
/// too), their input batches and eval-mode outputs, written into a temp dir by make_ssl_goldens.py --resnets
/// (~200 MB, so never committed) once for the test class, and deleted afterwards.
/// </summary>
public sealed class TorchvisionResNets : IDisposable
{
    public TorchvisionResNets()
    {
        Dir = Path.Combine(Path.GetTempPath(), "medssl-resnets-" + Guid.NewGuid().ToString("N")[..8]);
        if (PythonReference.Available) PythonReference.Run($"\"{PythonReference.GoldenScript}\" --resnets \"{Dir}\"", 300);
    }

    public string Dir { get; }

    public string PathOf(string file) => Path.Combine(Dir, file);

    public Tensor Npy(string file) => np.load(PathOf(file));

    public void Dispose()
    {
        if (Directory.Exists(Dir)) Directory.Delete(Dir, recursive: true);
    }
}
