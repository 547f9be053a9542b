using System.Diagnostics;
using MedSsl.Torch;

namespace MedSsl.Models;

/// <summary>What <see cref="FeatureExtractor.extract_file"/> did, for the CLI to print.</summary>
public sealed record FeaturesSummary(long images, long num_features, WeightLoadReport weights, double seconds, string output);

/// <summary>
/// Pooled encoder features h (pre-logits, what linear evaluation and the projection head take), in eval
/// mode without gradients, a batch at a time. <see cref="extract_file"/> is <c>medssl features</c>.
/// </summary>
public static class FeatureExtractor
{
    /// <summary>h [N, num_features] for images [N, C, H, W]. The encoder is put in eval mode (BN uses its
    /// running statistics) and given back in the mode it had.</summary>
    public static Tensor extract(ResNet encoder, Tensor images, int batch_size = 64)
    {
        if (batch_size < 1) throw new ArgumentException($"FeatureExtractor: batch_size must be ≥ 1, got {batch_size}.");
        if (images.dim() != 4) throw new ArgumentException($"FeatureExtractor: expected images [N, C, H, W], got [{string.Join(", ", images.shape)}].");
        var wasTraining = encoder.training;
        encoder.eval();
        try
        {
            using var noGrad = torch.no_grad();
            using var scope = torch.NewDisposeScope();
            var parts = new List<Tensor>();
            for (long start = 0; start < images.shape[0]; start += batch_size)
            {
                var batch = images.slice(0, start, Math.Min(start + batch_size, images.shape[0]));
                using var map = encoder.forward_features(batch);
                parts.Add(encoder.forward_head(map, pre_logits: true));
            }
            var h = parts.Count > 0 ? torch.cat(parts, 0) : torch.zeros(0, encoder.num_features);
            return h.MoveToOuterDisposeScope();
        }
        finally { encoder.train(wasTraining); }
    }

    /// <summary>medssl features: builds arch (num_classes 0), loads weights (.pth or .safetensors; fc.* may be
    /// missing or unexpected), reads images from a float .npy [N, C, H, W], writes h [N, num_features] float32 .npy.</summary>
    public static FeaturesSummary extract_file(string arch, string weights, string input, string output,
                                               Stem stem = Stem.ImageNet, long in_chans = 3, int batch_size = 64)
    {
        var clock = Stopwatch.StartNew();
        using var encoder = Encoders.create(arch, new ResNetOptions { stem = stem, in_chans = in_chans, num_classes = 0 });
        var report = EncoderCheckpoint.load(encoder, weights);
        using var scope = torch.NewDisposeScope();
        var images = ReadImages(input, in_chans);
        var h = extract(encoder, images, batch_size);
        np.save(output, h);
        return new FeaturesSummary(images.shape[0], h.shape[1], report, clock.Elapsed.TotalSeconds, output);
    }

    static Tensor ReadImages(string path, long in_chans)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Input file not found: {path}", path);
        var x = np.load(path);
        if (x.dim() != 4 || x.shape[1] != in_chans)
            throw new InvalidDataException($"{path}: expected images [N, {in_chans}, H, W] (NCHW, --in-chans {in_chans}), " +
                                           $"got [{string.Join(", ", x.shape)}].");
        if (!x.is_floating_point())
            throw new InvalidDataException($"{path}: holds {x.dtype} values; expected float32 images (scale integer pixels to floats first).");
        return x.to(torch.float32);
    }
}
