using MedSsl.Torch;
using MedSsl.Torch.Modules;
using static MedSsl.Torch.torch.nn;

namespace MedSsl.Heads;

/// <summary>
/// An MLP head built from a block list (lightly's ProjectionHead): each <see cref="HeadBlock"/> becomes a
/// Sequential of linear / bn / relu, kept under <c>blocks.{i}</c> (keys <c>blocks.0.linear.weight</c>,
/// <c>blocks.0.bn.running_mean</c>, ...). The SimCLR heads are factories below. For fine-tuning,
/// <see cref="truncate_"/> keeps the first k blocks, as SimCLR v2 fine-tunes "from the first head layer".
/// </summary>
public sealed class ProjectionHead : Module<Tensor, Tensor>
{
    Sequential blocks;
    readonly List<HeadBlock> specs;

    public ProjectionHead(IEnumerable<HeadBlock> blocks)
    {
        specs = blocks.ToList();
        for (var i = 1; i < specs.Count; i++)
            if (specs[i].in_features != specs[i - 1].out_features)
                throw new ArgumentException($"ProjectionHead: block {i} takes {specs[i].in_features} features but block {i - 1} " +
                                            $"gives {specs[i - 1].out_features}.");
        this.blocks = Sequential();
        foreach (var spec in specs) this.blocks.append(Build(spec));
        RegisterComponents();
    }

    /// <summary>The block specifications still in the head.</summary>
    public IReadOnlyList<HeadBlock> block_specs => specs;

    /// <summary>Input size (of the first block); null for a head truncated to nothing.</summary>
    public long? in_features => specs.Count > 0 ? specs[0].in_features : null;

    /// <summary>Output size (of the last block); null for a head truncated to nothing (it returns its input).</summary>
    public long? out_features => specs.Count > 0 ? specs[^1].out_features : null;

    static Sequential Build(HeadBlock b)
    {
        var block = Sequential();
        block.append("linear", Linear(b.in_features, b.out_features, bias: b.bias && b.norm == HeadNorm.None));
        if (b.norm != HeadNorm.None)
        {
            var bn = BatchNorm1d(b.out_features);
            if (b.norm == HeadNorm.ScaleOnly) bn.register_parameter("bias", null);  // no β: batch_norm gets bias = null
            block.append("bn", bn);
        }
        if (b.relu) block.append("relu", ReLU());
        return block;
    }

    public override Tensor forward(Tensor x)
    {
        if (x.dim() != 2 || (in_features is { } d && x.shape[1] != d))
            throw new ArgumentException($"ProjectionHead: expected input [N, {in_features?.ToString() ?? "D"}], got [{string.Join(", ", x.shape)}].");
        return blocks.call(x);
    }

    /// <summary>Keeps the first k blocks and disposes the rest, in place. k = 0 drops the whole head (fine-tune
    /// from h, SimCLR v1 and MICLe); k = 1 keeps Linear→BN→ReLU (SimCLR v2's ft_proj_selector=1, §5.2).</summary>
    public ProjectionHead truncate_(int k)
    {
        if (k < 0 || k > specs.Count)
            throw new ArgumentOutOfRangeException(nameof(k), $"ProjectionHead.truncate_: k = {k}, the head has {specs.Count} blocks.");
        var kept = Sequential();
        for (var i = 0; i < specs.Count; i++)
            if (i < k) kept.append(blocks[i]);
            else blocks[i].Dispose();
        specs.RemoveRange(k, specs.Count - k);
        blocks = kept;  // the old container owns nothing else: dropping it frees no kept block
        register_module("blocks", blocks);
        return this;
    }

    // ---- SimCLR's heads ----

    /// <summary>SimCLR v1's head as the paper describes it, g(h) = W2·ReLU(W1·h) to 128-d (§2.1), with the BN
    /// after W1 that SimCLR's code and lightly's SimCLRProjectionHead add: Linear → BN → ReLU → Linear with
    /// bias. hidden defaults to in_features.</summary>
    public static ProjectionHead SimClrV1(long in_features, long? hidden = null, long out_features = 128)
    {
        var d = hidden ?? in_features;
        return new(new[]
        {
            new HeadBlock(in_features, d, HeadNorm.Affine, relu: true),
            new HeadBlock(d, out_features, HeadNorm.None, relu: false, bias: true),
        });
    }

    /// <summary>The head of SimCLR's code and of Google Health's fork (REMEDIS model_util, paper-notes §2.2):
    /// num_layers − 1 × [Linear(d→d) → BN → ReLU], then Linear(d→out) → BN without β. No Linear has a bias
    /// (the "bias" of the code's middle layers is the BN's β). num_layers = 2 is SimCLR v1's code and the
    /// MICLe head; 3 is <see cref="SimClrV2"/>.</summary>
    public static ProjectionHead SimClrCode(long in_features, long out_features = 128, int num_layers = 2)
    {
        if (num_layers < 1) throw new ArgumentException($"SimClrCode: num_layers must be ≥ 1, got {num_layers}.");
        var blocks = new List<HeadBlock>();
        for (var i = 0; i < num_layers - 1; i++) blocks.Add(new HeadBlock(in_features, in_features, HeadNorm.Affine, relu: true));
        blocks.Add(new HeadBlock(in_features, out_features, HeadNorm.ScaleOnly, relu: false));
        return new(blocks);
    }

    /// <summary>SimCLR v2's three-layer head (num_proj_layers=3, §5.2): <see cref="SimClrCode"/> with 3 layers.</summary>
    public static ProjectionHead SimClrV2(long in_features, long out_features = 128) => SimClrCode(in_features, out_features, 3);
}
