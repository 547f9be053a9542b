namespace MedSsl.Data;

/// <summary>Draws one synthetic chest X-ray: anatomy with per-image jitter, then the sign of each present finding.</summary>
internal static class SyntheticPainter
{
    // Finding indices in SyntheticChestXray.Findings order.
    const int Atelectasis = 0, Cardiomegaly = 1, Consolidation = 2, Edema = 3, Effusion = 4;

    public static Canvas Draw(int size, bool[] findings, SeededRandom rng)
    {
        double s = size, jx = rng.Uniform(-0.03, 0.03) * s, jy = rng.Uniform(-0.03, 0.03) * s, scale = rng.Uniform(0.95, 1.05);
        double cx = s / 2 + jx, cy = s / 2 + jy;
        var c = new Canvas(size, 0.08f);
        c.Ellipse(cx, cy + 0.05 * s, 0.44 * s * scale, 0.46 * s * scale, 0.45);            // torso
        var lungs = new[] { cx - 0.17 * s * scale, cx + 0.17 * s * scale };
        foreach (var lx in lungs) c.Ellipse(lx, cy - 0.02 * s, 0.13 * s * scale, 0.3 * s * scale, -0.3); // dark lung fields
        double heart = (findings[Cardiomegaly] ? rng.Uniform(0.2, 0.24) : rng.Uniform(0.11, 0.14)) * s * scale;
        c.Ellipse(cx + 0.03 * s, cy + 0.14 * s, heart, 0.12 * s * scale, 0.3);              // heart
        if (findings[Effusion])
        {
            double lx = lungs[rng.Next(2)], top = cy + rng.Uniform(0.12, 0.18) * s;
            c.Ellipse(lx, cy - 0.02 * s, 0.13 * s * scale, 0.3 * s * scale, 0.35, (x, y) => y + 0.5 > top); // fluid at the lung base
        }
        if (findings[Consolidation])
        {
            double lx = lungs[rng.Next(2)] + rng.Uniform(-0.05, 0.05) * s, ly = cy + rng.Uniform(-0.2, 0.05) * s;
            c.Blob(lx, ly, rng.Uniform(0.04, 0.06) * s, 0.35);
        }
        if (findings[Edema])
            for (int k = 0; k < 8; k++)
            {
                double lx = lungs[k % 2] + rng.Uniform(-0.09, 0.05) * s, ly = cy + rng.Uniform(-0.2, 0.15) * s;
                c.Line(lx, ly, lx + 0.07 * s, ly + rng.Uniform(-0.01, 0.01) * s, 0.9, 0.22);
            }
        if (findings[Atelectasis])
        {
            double lx = lungs[rng.Next(2)], ly = cy + rng.Uniform(-0.1, 0.1) * s;
            c.Line(lx - 0.1 * s, ly - 0.05 * s, lx + 0.1 * s, ly + 0.05 * s, 1.2, 0.4);
        }
        return c;
    }
}
