using F = MedSsl.Torch.torch.nn.functional;

namespace MedSsl.Torch.Tests.NN;

/// <summary>grid_sample / affine_grid / histc on cases whose answers are known exactly (the transforms goldens
/// in MedSsl.Tests check them against torchvision's rotations and crops).</summary>
public class FunctionalSamplingTests
{
    static Tensor Theta(params double[] rows) => torch.tensor(rows, 1, 2, 3).to(torch.float32);

    [Fact]
    public void Identity_grid_samples_every_pixel_centre_in_all_modes()
    {
        using var scope = NewDisposeScope();
        var x = torch.rand(2, 3, 5, 7);
        var grid = F.affine_grid(Theta(1, 0, 0, 0, 1, 0).expand(2, 2, 3), new long[] { 2, 3, 5, 7 });
        Assert.Equal(new long[] { 2, 5, 7, 2 }, grid.shape);
        // Pixel centres sit at (2i + 1)/W − 1 with align_corners = false.
        Assert.Equal(-1 + 1.0 / 7, grid[0, 0, 0, 0].item<float>(), 6);
        Assert.Equal(1 - 1.0 / 5, grid[0, 4, 0, 1].item<float>(), 6);
        foreach (var mode in new[] { "bilinear", "nearest", "bicubic" })
            Assert.True(x.allclose(F.grid_sample(x, grid, mode, "border"), atol: 1e-6), mode);
    }

    [Fact]
    public void A_one_pixel_shift_reads_the_neighbour_and_pads_by_mode()
    {
        using var scope = NewDisposeScope();
        var x = torch.arange(1, 5, 1, torch.float32).view(1, 1, 1, 4);   // [1, 2, 3, 4]
        // x_in = x_out + 1 px: normalised shift 2/W.
        var grid = F.affine_grid(Theta(1, 0, 0.5, 0, 1, 0), new long[] { 1, 1, 1, 4 });
        Assert.Equal(new float[] { 2, 3, 4, 0 }, F.grid_sample(x, grid).data<float>());
        Assert.Equal(new float[] { 2, 3, 4, 4 }, F.grid_sample(x, grid, padding_mode: "border").data<float>());
        Assert.Equal(new float[] { 2, 3, 4, 4 }, F.grid_sample(x, grid, padding_mode: "reflection").data<float>());
    }

    [Fact]
    public void Grid_sample_and_affine_grid_refuse_bad_arguments()
    {
        using var scope = NewDisposeScope();
        var x = torch.rand(1, 1, 4, 4);
        var grid = torch.zeros(1, 4, 4, 2);
        Assert.Contains("area", Assert.Throws<ArgumentException>(() => F.grid_sample(x, grid, "area")).Message);
        Assert.Contains("wrap", Assert.Throws<ArgumentException>(() => F.grid_sample(x, grid, padding_mode: "wrap")).Message);
        Assert.Contains("4-D", Assert.Throws<ArgumentException>(() => F.grid_sample(torch.rand(4, 4), grid)).Message);
        Assert.Throws<TorchException>(() => F.grid_sample(x, torch.zeros(2, 4, 4, 2)));
        Assert.Throws<TorchException>(() => F.affine_grid(torch.zeros(1, 3, 3), new long[] { 1, 1, 4, 4 }));
    }

    [Fact]
    public void Grid_sample_passes_gradients_to_the_input()
    {
        using var scope = NewDisposeScope();
        var x = torch.rand(1, 1, 3, 3).requires_grad_();
        var grid = F.affine_grid(Theta(1, 0, 0, 0, 1, 0), new long[] { 1, 1, 3, 3 });
        F.grid_sample(x, grid).sum().backward();
        Assert.True(x.grad!.allclose(torch.ones(1, 1, 3, 3), atol: 1e-6));
    }

    [Fact]
    public void Histc_counts_equal_width_bins_and_ignores_values_outside()
    {
        using var scope = NewDisposeScope();
        var x = torch.tensor(new float[] { 0, 0.1f, 0.5f, 0.99f, 1, 1.5f, -0.2f });
        Assert.Equal(new float[] { 2, 1, 2 }, torch.histc(x, bins: 3, min: 0, max: 1).data<float>());
        // min == max: the data's own range.
        Assert.Equal(new float[] { 3, 1, 3 }, x.histc(3).data<float>());
    }
}
