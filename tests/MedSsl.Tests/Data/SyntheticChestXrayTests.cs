namespace MedSsl.Tests;

public class SyntheticChestXrayTests
{
    static byte[] Pixels(MedicalDataset d, int row)
    {
        using var t = d.Images.Load(row);
        return t.data<byte>();
    }

    [Fact]
    public void The_same_seed_gives_the_same_images_and_labels_and_another_seed_does_not()
    {
        var o = new SyntheticCxrOptions { Patients = 10, ImageSize = 32, Seed = 5 };
        var a = SyntheticChestXray.Generate(o);
        var b = SyntheticChestXray.Generate(o);
        var c = SyntheticChestXray.Generate(o with { Seed = 6 });
        Assert.Equal(a.CaseIds, b.CaseIds);
        Assert.Equal(Pixels(a, 3), Pixels(b, 3));
        using (var la = a.LabelsTensor()) using (var lb = b.LabelsTensor())
            Assert.Equal(la.data<float>(), lb.data<float>());
        Assert.NotEqual(Pixels(a, 0), Pixels(c, 0));
    }

    [Fact]
    public void Patients_have_one_to_four_studies_and_five_chexpert_findings()
    {
        var d = SyntheticChestXray.Generate(new SyntheticCxrOptions { Patients = 200 });
        Assert.Equal(LabelNames.CheXpertCompetition, d.LabelNames);
        Assert.Equal(200, d.Cases.Count);
        Assert.All(d.Cases.Values, rows => Assert.InRange(rows.Count, 1, 4));
        Assert.Contains(d.Cases.Values, rows => rows.Count == 4);
        for (int c = 0; c < 5; c++)
        {
            var (pos, neg, unknown) = d.Labels.Count(c);
            Assert.InRange(pos, d.Count / 20, d.Count / 2);
            Assert.InRange(unknown, 1, d.Count / 8); // a few uncertain labels, as in CheXpert
        }
        var shifted = SyntheticChestXray.Generate(new SyntheticCxrOptions { Patients = 200, Site = SyntheticSite.B });
        Assert.Empty(d.CaseIds.Intersect(shifted.CaseIds));
        Assert.All(shifted.Metadata[MetadataColumns.Site], s => Assert.Equal("B", s));
    }

    [Fact]
    public void Findings_are_visible_in_the_pixels()
    {
        var d = SyntheticChestXray.Generate(new SyntheticCxrOptions { Patients = 80, ImageSize = 64, UncertainRate = 0 });
        var images = Enumerable.Range(0, d.Count).Select(r => Pixels(d, r)).ToArray();
        // Mean of a box of the 64x64 image (rows y0..y1, columns x0..x1, exclusive ends).
        static double Box(byte[] p, int y0, int y1, int x0, int x1) =>
            Enumerable.Range(y0, y1 - y0).SelectMany(y => Enumerable.Range(x0, x1 - x0).Select(x => (double)p[y * 64 + x])).Average();
        // Cardiomegaly widens the heart into the lower inner lung fields on both sides.
        Assert.True(Separation(d, images, 1, p => Box(p, 38, 46, 22, 26) + Box(p, 38, 46, 42, 46)) > 40, "Cardiomegaly should widen the heart");
        // Pleural effusion fills one lung base.
        Assert.True(Separation(d, images, 4, p => Math.Max(Box(p, 40, 48, 14, 26), Box(p, 40, 48, 38, 50))) > 25, "Pleural Effusion should brighten a lung base");
    }

    // Mean statistic of images with a finding minus that of images without it.
    static double Separation(MedicalDataset d, byte[][] images, int finding, Func<byte[], double> statistic)
    {
        var pos = new List<double>();
        var neg = new List<double>();
        for (int r = 0; r < d.Count; r++) (d.Labels[r, finding] > 0.5f ? pos : neg).Add(statistic(images[r]));
        return pos.Average() - neg.Average();
    }

    [Fact]
    public void Site_b_shifts_brightness_and_contrast()
    {
        var a = SyntheticChestXray.Generate(new SyntheticCxrOptions { Patients = 20 });
        var b = SyntheticChestXray.Generate(new SyntheticCxrOptions { Patients = 20, Site = SyntheticSite.B });
        double Mean(MedicalDataset d) => Enumerable.Range(0, d.Count).Average(r => Pixels(d, r).Average(v => (double)v));
        double Background(MedicalDataset d) => Enumerable.Range(0, d.Count).Average(r => (double)Pixels(d, r)[0]);
        Assert.True(Mean(b) > Mean(a) + 10);
        Assert.True(Background(b) > Background(a) + 20);
    }
}
