using System.CommandLine;
using MedSsl.Models;

namespace MedSsl.Cli;

/// <summary>
/// `medssl features`: pooled encoder features (pre-logits h) of a .npy of NCHW float32 images, with weights
/// from a torchvision-style .pth state dict or a .safetensors file; eval mode, no gradients.
/// </summary>
internal static class FeaturesCommand
{
    public static Command Create()
    {
        var arch = new Option<string>("--arch") { Description = "Encoder: " + string.Join(", ", Encoders.names) + ".", Required = true };
        var weights = new Option<string>("--weights") { Description = "Weights: .pth (torch.save(state_dict)) or .safetensors.", Required = true };
        var input = new Option<string>("--input") { Description = "Images: .npy, float32 [N, C, H, W].", Required = true };
        var output = new Option<string>("--output") { Description = "Features: .npy, float32 [N, num_features].", Required = true };
        var stem = new Option<string>("--stem") { Description = "imagenet (7×7/2 + max-pool) or small (3×3/1, 28–64 px).", DefaultValueFactory = _ => "imagenet" };
        stem.AcceptOnlyFromAmong("imagenet", "small");
        var inChans = new Option<int>("--in-chans") { Description = "Input channels (1 for grey X-rays).", DefaultValueFactory = _ => 3 };
        var batch = new Option<int>("--batch") { Description = "Images per forward pass.", DefaultValueFactory = _ => 64 };
        var cmd = new Command("features", "Extract pooled ResNet features from a .npy of images.") { arch, weights, input, output, stem, inChans, batch };
        cmd.SetAction(r => Run(r.GetValue(arch)!, r.GetValue(weights)!, r.GetValue(input)!, r.GetValue(output)!,
                               r.GetValue(stem)!, r.GetValue(inChans), r.GetValue(batch)));
        return cmd;
    }

    static int Run(string arch, string weights, string input, string output, string stem, int inChans, int batch)
    {
        try
        {
            var s = FeatureExtractor.extract_file(arch, weights, input, output,
                                                  stem == "small" ? Stem.Small : Stem.ImageNet, inChans, batch);
            Console.WriteLine(s.weights);
            Console.WriteLine($"features: {s.images} × {s.num_features} float32 -> {s.output} ({s.seconds:F1} s)");
            return 0;
        }
        catch (Exception e) when (e is ArgumentException or IOException or InvalidDataException)
        {
            Console.Error.WriteLine($"medssl features: {e.Message}");
            return 1;
        }
    }
}
