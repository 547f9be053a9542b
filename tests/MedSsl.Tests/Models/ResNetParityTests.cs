using MedSsl.Models;
using Xunit.Abstractions;

namespace MedSsl.Tests.Models;

/// <summary>torchvision's random-weight ResNets load into the kit's encoders by key and give the same
/// eval-mode outputs (max |diff| ≤ 1e-4), directly and through the `medssl features` code path.</summary>
public sealed class ResNetParityTests(TorchvisionResNets refs, ITestOutputHelper log) : IClassFixture<TorchvisionResNets>
{
    [PythonFact]
    public void Torchvision_resnet18_loads_strictly_and_matches_in_eval_mode() => CheckLogitsAndFeatures("resnet18", "input_rgb.npy", new());

    [PythonFact]
    public void Torchvision_resnet50_loads_strictly_and_matches_in_eval_mode() => CheckLogitsAndFeatures("resnet50", "input_rgb.npy", new());

    [PythonFact]
    public void Small_stem_grey_resnet18_matches_torchvision_with_the_stem_swapped() =>
        CheckLogitsAndFeatures("resnet18_small_grey", "input_grey.npy", new ResNetOptions { stem = Stem.Small, in_chans = 1 });

    void CheckLogitsAndFeatures(string name, string input, ResNetOptions options)
    {
        using var scope = NewDisposeScope();
        using var model = Encoders.create(name.Replace("_small_grey", ""), options);
        var (missing, unexpected) = model.load_state_dict(pth.load_state_dict(refs.PathOf(name + ".pth")), strict: true);
        Assert.Empty(missing);
        Assert.Empty(unexpected);
        model.eval();
        using var noGrad = no_grad();
        var x = refs.Npy(input);
        var logits = Goldens.AssertClose(refs.Npy(name + "_logits.npy"), model.forward(x), atol: 1e-4, what: name + " logits");
        var features = Goldens.AssertClose(refs.Npy(name + "_features.npy"), FeatureExtractor.extract(model, x, batch_size: 1),
                                           atol: 1e-4, what: name + " features");
        log.WriteLine($"parity {name}: max |diff| logits {logits:G3}, features {features:G3}");
    }

    [PythonFact]
    public void Features_command_path_reads_pth_and_safetensors_and_reports_the_fc_keys()
    {
        var output = refs.PathOf("features_out.npy");
        var s = FeatureExtractor.extract_file("resnet50", refs.PathOf("resnet50.pth"), refs.PathOf("input_rgb.npy"), output, batch_size: 64);
        Assert.Equal((2L, 2048L), (s.images, s.num_features));
        Assert.Equal(new[] { "fc.weight", "fc.bias" }, s.weights.unexpected);
        Assert.Empty(s.weights.missing);
        Assert.Contains("ignored fc.weight, fc.bias", s.weights.ToString());
        using var scope = NewDisposeScope();
        var expected = refs.Npy("resnet50_features.npy");
        var diff = Goldens.AssertClose(expected, np.load(output), atol: 1e-4, what: "features via .pth");
        log.WriteLine($"parity features CLI path resnet50 (.pth): max |diff| {diff:G3}");

        // The same weights as .safetensors, without the classifier: nothing to report, same features.
        var st = refs.PathOf("resnet18_encoder.safetensors");
        var state = pth.load_state_dict(refs.PathOf("resnet18_small_grey.pth"));
        safetensors.save_file(state.Where(kv => !kv.Key.StartsWith("fc.")).ToDictionary(), st);
        var s2 = FeatureExtractor.extract_file("resnet18", st, refs.PathOf("input_grey.npy"), output, Stem.Small, in_chans: 1, batch_size: 1);
        Assert.Empty(s2.weights.unexpected);
        Assert.Empty(s2.weights.missing);
        Goldens.AssertClose(refs.Npy("resnet18_small_grey_features.npy"), np.load(output), atol: 1e-4, what: "features via .safetensors");
    }

    [PythonFact]
    public void Features_command_path_names_the_file_when_weights_do_not_fit()
    {
        var e = Assert.Throws<InvalidDataException>(() => FeatureExtractor.extract_file(
            "resnet18", refs.PathOf("resnet50.pth"), refs.PathOf("input_rgb.npy"), refs.PathOf("never.npy")));
        Assert.Contains("resnet50.pth", e.Message);
        Assert.Contains("layer1.0.conv3.weight", e.Message);
        var grey = Assert.Throws<InvalidDataException>(() => FeatureExtractor.extract_file(
            "resnet18", refs.PathOf("resnet18.pth"), refs.PathOf("input_grey.npy"), refs.PathOf("never.npy")));
        Assert.Contains("input_grey.npy", grey.Message);
        Assert.Contains("[N, 3, H, W]", grey.Message);
        Assert.False(File.Exists(refs.PathOf("never.npy")));
    }
}
