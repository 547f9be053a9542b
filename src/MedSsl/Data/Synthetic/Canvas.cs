namespace MedSsl.Data;

/// <summary>A grey float image in [0, 1] with the few soft-edged shapes the synthetic X-rays are drawn from.</summary>
internal sealed class Canvas
{
    readonly float[] pixels;

    public Canvas(int size, float background)
    {
        Size = size;
        pixels = new float[size * size];
        Array.Fill(pixels, background);
    }

    public int Size { get; }

    public float this[int y, int x] => pixels[y * Size + x];

    /// <summary>Adds <paramref name="amount"/> inside an ellipse (centre and radii in pixels), fading over about one pixel at the edge.</summary>
    public void Ellipse(double cx, double cy, double rx, double ry, double amount, Func<int, int, bool>? mask = null)
    {
        for (int y = 0; y < Size; y++)
            for (int x = 0; x < Size; x++)
            {
                if (mask != null && !mask(x, y)) continue;
                double dx = (x + 0.5 - cx) / rx, dy = (y + 0.5 - cy) / ry;
                double edge = (1 - Math.Sqrt(dx * dx + dy * dy)) * Math.Min(rx, ry);
                if (edge > -1) pixels[y * Size + x] += (float)(amount * Math.Clamp(edge + 0.5, 0, 1));
            }
    }

    /// <summary>Adds a Gaussian blob of peak <paramref name="amount"/> and width <paramref name="sigma"/> pixels.</summary>
    public void Blob(double cx, double cy, double sigma, double amount)
    {
        for (int y = 0; y < Size; y++)
            for (int x = 0; x < Size; x++)
            {
                double dx = x + 0.5 - cx, dy = y + 0.5 - cy;
                pixels[y * Size + x] += (float)(amount * Math.Exp(-(dx * dx + dy * dy) / (2 * sigma * sigma)));
            }
    }

    /// <summary>Adds a line segment about <paramref name="width"/> pixels wide.</summary>
    public void Line(double x0, double y0, double x1, double y1, double width, double amount)
    {
        double vx = x1 - x0, vy = y1 - y0, length2 = vx * vx + vy * vy;
        for (int y = 0; y < Size; y++)
            for (int x = 0; x < Size; x++)
            {
                double px = x + 0.5 - x0, py = y + 0.5 - y0;
                double t = Math.Clamp((px * vx + py * vy) / length2, 0, 1);
                double dx = px - t * vx, dy = py - t * vy;
                double d = Math.Sqrt(dx * dx + dy * dy);
                if (d < width) pixels[y * Size + x] += (float)(amount * (1 - d / width));
            }
    }

    /// <summary>Applies a site's acquisition (contrast, brightness, gamma, noise) and quantises to uint8.</summary>
    public byte[] ToBytes(double contrast, double brightness, double gamma, double noise, SeededRandom rng)
    {
        var result = new byte[pixels.Length];
        for (int i = 0; i < pixels.Length; i++)
        {
            double v = Math.Clamp(pixels[i], 0, 1);
            v = Math.Pow(v, gamma) * contrast + brightness + noise * rng.Normal();
            result[i] = (byte)Math.Round(255 * Math.Clamp(v, 0, 1));
        }
        return result;
    }
}
