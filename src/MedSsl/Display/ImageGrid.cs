using System.Globalization;
using System.Text;
using MedSsl.Torch;

namespace MedSsl.Display;

/// <summary>
/// Images in a grid with titles: augmentation previews, MICLe pairs, dataset samples. Tiny images
/// (28-px MedMNIST) are enlarged by an integer factor with nearest neighbour so their pixels stay visible.
/// The bundle has image/png (the whole grid as one PNG, no titles: what GitHub and image-only front ends
/// show) and text/html (one &lt;img&gt; per image with its title under it; no JavaScript needed).
/// </summary>
public sealed class ImageGrid : IMimeRenderable
{
    const int Pad = 4;
    readonly List<ImagePixels> images;
    readonly List<string?> titles;

    /// <summary>A batch [B, C, H, W], one image [C, H, W] or [H, W]; uint8 or float in [0, 1], grey or RGB (channels first, as torchvision).</summary>
    public ImageGrid(Tensor images, IReadOnlyList<string>? titles = null, int? cols = null, int minSize = 96)
        : this(Split(images), titles, cols, minSize) { }

    /// <summary>Separate images, possibly of different sizes and channel counts.</summary>
    public ImageGrid(IReadOnlyList<Tensor> images, IReadOnlyList<string>? titles = null, int? cols = null, int minSize = 96)
        : this(images.Select((t, i) => ImagePixels.FromTensor(t, $"image {i}")).ToList(), titles, cols, minSize) { }

    ImageGrid(List<ImagePixels> pixels, IReadOnlyList<string>? titles, int? cols, int minSize)
    {
        if (pixels.Count == 0) throw new ArgumentException("An image grid needs at least one image.");
        if (titles != null && titles.Count != pixels.Count)
            throw new ArgumentException($"{titles.Count} titles for {pixels.Count} images.");
        if (minSize < 1) throw new ArgumentException($"minSize must be positive; got {minSize}.");
        Cols = Math.Clamp(cols ?? Math.Min(pixels.Count, 8), 1, pixels.Count);
        // One factor for the whole grid, so relative sizes stay true (a crop next to its source).
        int longest = pixels.Max(p => Math.Max(p.Height, p.Width));
        Scale = Math.Max(1, (minSize + longest - 1) / longest);
        images = pixels.Select(p => p.Upscale(Scale)).ToList();
        this.titles = titles?.Select(t => (string?)t).ToList() ?? pixels.Select(_ => (string?)null).ToList();
    }

    /// <summary>
    /// MICLe positive pairs (two different images of one case, MICLe §3) or two augmented views of one
    /// image (SimCLR): each pair side by side, pairsPerRow pairs per row, titled "{title} · 1" and "· 2".
    /// </summary>
    public static ImageGrid Pairs(IReadOnlyList<(Tensor First, Tensor Second)> pairs, IReadOnlyList<string>? titles = null,
                                  int pairsPerRow = 4, int minSize = 96)
    {
        if (titles != null && titles.Count != pairs.Count)
            throw new ArgumentException($"{titles.Count} titles for {pairs.Count} pairs.");
        var flat = pairs.SelectMany(p => new[] { p.First, p.Second }).ToList();
        var names = titles?.SelectMany(t => new[] { $"{t} · 1", $"{t} · 2" }).ToList();
        return new ImageGrid(flat, names, 2 * Math.Max(1, Math.Min(pairsPerRow, pairs.Count)), minSize);
    }

    public int Count => images.Count;
    public int Cols { get; }
    public int Rows => (Count + Cols - 1) / Cols;

    /// <summary>The nearest-neighbour enlargement applied to every image.</summary>
    public int Scale { get; }

    /// <summary>A line shown above the grid in HTML.</summary>
    public string? Caption { get; set; }

    public ImageGrid WithCaption(string caption)
    {
        Caption = caption;
        return this;
    }

    public IReadOnlyDictionary<string, string> ToMimeBundle() => new Dictionary<string, string>
    {
        ["image/png"] = Convert.ToBase64String(Composite().ToPng()),
        ["text/html"] = ToHtml(),
        ["text/plain"] = ToString(),
    };

    public string ToHtml()
    {
        var sb = new StringBuilder("<div class=\"medssl-image-grid\">");
        if (Caption != null) sb.Append($"<div style=\"font-weight:bold;margin-bottom:4px\">{Html.Escape(Caption)}</div>");
        sb.Append($"<div style=\"display:grid;grid-template-columns:repeat({Cols},auto);gap:6px;justify-content:start\">");
        for (int i = 0; i < Count; i++)
        {
            var p = images[i];
            var alt = Html.Escape(titles[i] ?? $"image {i}");
            sb.Append("<figure style=\"margin:0;text-align:center\">")
              .Append($"<img src=\"data:image/png;base64,{Convert.ToBase64String(p.ToPng())}\" width=\"{p.Width}\" height=\"{p.Height}\" alt=\"{alt}\" style=\"image-rendering:pixelated\">");
            if (titles[i] != null) sb.Append($"<figcaption style=\"font-size:11px;max-width:{p.Width}px\">{alt}</figcaption>");
            sb.Append("</figure>");
        }
        return sb.Append("</div></div>").ToString();
    }

    public override string ToString()
    {
        var sizes = images.Select(p => $"{p.Channels}×{p.Height / Scale}×{p.Width / Scale}").Distinct().ToList();
        var size = sizes.Count == 1 ? sizes[0] : "mixed sizes";
        var shown = Scale > 1 ? string.Create(CultureInfo.InvariantCulture, $", shown ×{Scale}") : "";
        return $"ImageGrid ({Count} image{(Count == 1 ? "" : "s")} {size}{shown}, {Rows}×{Cols} grid)";
    }

    /// <summary>All images on one white canvas, in cells as large as the largest image.</summary>
    public ImagePixels Composite()
    {
        int ch = images.Any(p => p.Channels == 3) ? 3 : 1;
        int cellH = images.Max(p => p.Height), cellW = images.Max(p => p.Width);
        int h = Rows * cellH + (Rows + 1) * Pad, w = Cols * cellW + (Cols + 1) * Pad;
        var canvas = new byte[ch * h * w];
        Array.Fill(canvas, (byte)255);
        for (int i = 0; i < Count; i++)
        {
            var p = ch == 3 ? images[i].ToRgb() : images[i];
            int top = Pad + (i / Cols) * (cellH + Pad), left = Pad + (i % Cols) * (cellW + Pad);
            for (int c = 0; c < ch; c++)
                for (int y = 0; y < p.Height; y++)
                    Array.Copy(p.Data, (c * p.Height + y) * p.Width, canvas, (c * h + top + y) * w + left, p.Width);
        }
        return new ImagePixels(ch, h, w, canvas);
    }

    static List<ImagePixels> Split(Tensor images)
    {
        if (images.dim() != 4) return new() { ImagePixels.FromTensor(images) };
        var n = images.shape[0];
        var list = new List<ImagePixels>((int)n);
        for (long i = 0; i < n; i++)
        {
            using var one = images[i];
            list.Add(ImagePixels.FromTensor(one, $"image {i}"));
        }
        return list;
    }
}
