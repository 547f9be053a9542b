using MedSsl.Data;
using MedSsl.Methods;
using MedSsl.Models;
using MedSsl.Training;

namespace MedSsl.Tests;

/// <summary>A tiny labelled set for training tests: 8-px class-coloured images in cases of 1–3 images.</summary>
internal static class TinyData
{
    public static readonly EncoderSpec Encoder = new("resnet18", 0.125, Stem.Small, 3);

    public static ImageSet Create(int cases = 24, int classes = 3, int size = 8, int seed = 0)
    {
        var rng = new Random(seed);
        var caseIds = new List<string>();
        var labels = new List<long>();
        for (int c = 0; c < cases; c++)
            for (int k = 0, n = 1 + c % 3; k < n; k++) { caseIds.Add($"case{c}"); labels.Add(c % classes); }
        var pixels = new byte[caseIds.Count * 3 * size * size];
        for (int i = 0; i < caseIds.Count; i++)
            for (int p = 0; p < 3 * size * size; p++)
                pixels[i * 3 * size * size + p] = (byte)Math.Clamp(60 * labels[i] * ((p / (size * size)) == labels[i] ? 2 : 0) + rng.Next(60), 0, 255);
        var images = Tensor.FromBytes(pixels, new long[] { caseIds.Count, 3, size, size }, ScalarType.Byte);
        var y = torch.tensor(labels.ToArray(), labels.Count);
        return new ImageSet("tiny", images, y, TaskKind.Multiclass, classes, caseIds);
    }

    public static PretrainConfig Pretrain(string method, int steps) => new()
    {
        method = method, encoder = Encoder, steps = steps, batch = 8, size = 8, base_lr = 0.3, warmup_fraction = 0, seed = 1,
    };

    public static string TempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "medssl-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }
}
