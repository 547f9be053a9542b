using MedSsl.Display;

namespace MedSsl.Tests;

[Collection(DisplayGlobals.Name)]
public class ImageGridTests
{
    public ImageGridTests() => ImageEncoding.Png = TestPng.Fake;

    [Fact]
    public void Tiny_images_are_enlarged_with_nearest_neighbour()
    {
        using var img = torch.tensor(new byte[] { 10, 20, 30, 40 }, 1, 2, 2);
        var grid = new ImageGrid(img, minSize: 6);
        Assert.Equal(3, grid.Scale);
        var (c, h, w, px) = TestPng.ReadFake(Convert.FromBase64String(grid.ToMimeBundle()["image/png"]));
        Assert.Equal((1, 6 + 8, 6 + 8), (c, h, w));  // 4-px white padding around the single cell
        byte at(int y, int x) => px[(4 + y) * w + 4 + x];
        Assert.Equal(new byte[] { 10, 10, 10, 20, 20, 20 }, Enumerable.Range(0, 6).Select(x => at(2, x)));
        Assert.Equal(new byte[] { 30, 30, 30, 40, 40, 40 }, Enumerable.Range(0, 6).Select(x => at(5, x)));
        Assert.Equal(255, px[0]);
    }

    [Fact]
    public void Float_batches_become_a_grid_row_by_row()
    {
        // Batch of 3 RGB 1×1 images: red, green, blue.
        using var batch = torch.tensor(new float[] { 1, 0, 0, 0, 1, 0, 0, 0, 1 }, 3, 3, 1, 1);
        var grid = new ImageGrid(batch, new[] { "r", "g", "b" }, cols: 2, minSize: 1);
        Assert.Equal((2, 2), (grid.Rows, grid.Cols));
        var (c, h, w, px) = TestPng.ReadFake(Convert.FromBase64String(grid.ToMimeBundle()["image/png"]));
        Assert.Equal((3, 2 * 1 + 3 * 4, 2 * 1 + 3 * 4), (c, h, w));
        byte pixel(int ch, int y, int x) => px[(ch * h + y) * w + x];
        Assert.Equal((255, 0, 0), (pixel(0, 4, 4), pixel(1, 4, 4), pixel(2, 4, 4)));   // r at row 0 col 0
        Assert.Equal((0, 255, 0), (pixel(0, 4, 9), pixel(1, 4, 9), pixel(2, 4, 9)));   // g at row 0 col 1
        Assert.Equal((0, 0, 255), (pixel(0, 9, 4), pixel(1, 9, 4), pixel(2, 9, 4)));   // b at row 1 col 0
        Assert.Equal((255, 255, 255), (pixel(0, 9, 9), pixel(1, 9, 9), pixel(2, 9, 9))); // empty cell
        Assert.Equal("ImageGrid (3 images 3×1×1, 2×2 grid)", grid.ToString());
    }

    [Fact]
    public void Html_has_one_titled_png_per_image_with_escaped_titles()
    {
        using var a = torch.zeros(new long[] { 1, 28, 28 }, ScalarType.Byte);
        using var b = torch.ones(3, 28, 28);
        var grid = new ImageGrid(new[] { a, b }, new[] { "<case 1>", "view & 2" }).WithCaption("MICLe <pair>");
        var html = grid.ToHtml();
        Assert.Equal(2, html.Split("<img src=\"data:image/png;base64,").Length - 1);
        Assert.Contains("width=\"112\" height=\"112\"", html);
        Assert.Contains("<figcaption style=\"font-size:11px;max-width:112px\">&lt;case 1&gt;</figcaption>", html);
        Assert.Contains("view &amp; 2", html);
        Assert.Contains("MICLe &lt;pair&gt;", html);
        // Grey next to RGB: the composite is RGB with the grey image repeated in each channel.
        Assert.Equal(3, TestPng.ReadFake(Convert.FromBase64String(grid.ToMimeBundle()["image/png"])).C);
        Assert.Equal("ImageGrid (2 images mixed sizes, shown ×4, 1×2 grid)", grid.ToString());
    }

    [Fact]
    public void Pairs_sit_side_by_side()
    {
        using var x = torch.zeros(1, 4, 4);
        var grid = ImageGrid.Pairs(new[] { (x, x), (x, x), (x, x) }, new[] { "ISIC_1", "ISIC_2", "ISIC_3" }, pairsPerRow: 2);
        Assert.Equal((6, 4, 2), (grid.Count, grid.Cols, grid.Rows));
        Assert.Contains("ISIC_2 · 2", grid.ToHtml());
    }

    [Fact]
    public void Images_are_copied_so_the_tensor_can_be_freed()
    {
        var t = torch.full(new long[] { 1, 2, 2 }, 0.5);
        var grid = new ImageGrid(t, minSize: 1);
        t.Dispose();
        var (_, _, w, px) = TestPng.ReadFake(Convert.FromBase64String(grid.ToMimeBundle()["image/png"]));
        Assert.Equal(128, px[4 * w + 4]);  // 0.5 → 127.5 → rounds to 128, as torchvision's save_image
    }

    [Fact]
    public void Bad_images_get_clear_errors()
    {
        using var normalised = torch.tensor(new float[] { -2.1f, 2.6f }, 1, 1, 2);
        Assert.Contains("spans [-2.1, 2.6]", Assert.Throws<ArgumentException>(() => new ImageGrid(normalised)).Message);
        using var hwc = torch.zeros(new long[] { 28, 28, 3 }, ScalarType.Byte);
        Assert.Contains("channels-last: use image.permute(2, 0, 1)", Assert.Throws<ArgumentException>(() => new ImageGrid(hwc)).Message);
        using var four = torch.zeros(4, 8, 8);
        Assert.Contains("C = 1 or 3", Assert.Throws<ArgumentException>(() => new ImageGrid(four)).Message);
        using var ints = torch.zeros(new long[] { 1, 2, 2 }, ScalarType.Int64);
        Assert.Contains("uint8", Assert.Throws<ArgumentException>(() => new ImageGrid(ints)).Message);
        using var one = torch.zeros(1, 2, 2);
        Assert.Contains("2 titles for 1 images", Assert.Throws<ArgumentException>(() => new ImageGrid(one, new[] { "a", "b" })).Message);
    }

    [Fact]
    public void Without_an_encoder_the_error_says_what_to_set()
    {
        var saved = ImageEncoding.Png;
        try
        {
            ImageEncoding.Png = _ => throw new InvalidOperationException("No PNG encoder is set: assign ImageEncoding.Png");
            using var x = torch.zeros(1, 2, 2);
            Assert.Contains("ImageEncoding.Png", Assert.Throws<InvalidOperationException>(() => new ImageGrid(x).ToMimeBundle()).Message);
            Assert.Throws<ArgumentNullException>(() => ImageEncoding.Png = null!);
        }
        finally { ImageEncoding.Png = saved; }
    }
}
