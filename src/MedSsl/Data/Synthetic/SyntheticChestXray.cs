using System.Globalization;
using MedSsl.Torch;

namespace MedSsl.Data;

/// <summary>Acquisition site of the synthetic X-rays: B differs from A in contrast, brightness, gamma and noise.</summary>
public enum SyntheticSite { A, B }

public sealed record SyntheticCxrOptions
{
    public int Patients { get; init; } = 200;
    public int ImageSize { get; init; } = 64;
    public int Seed { get; init; } = 0;
    public SyntheticSite Site { get; init; } = SyntheticSite.A;

    /// <summary>Share of labels given as NaN (CheXpert's "uncertain"); the image still shows the truth.</summary>
    public double UncertainRate { get; init; } = 0.05;
}

/// <summary>
/// A small, deterministic, multi-label grey "chest X-ray-like" dataset for pipelines and tests, not for
/// claims: a torso with two dark lung fields and a heart, on which each of CheXpert's five competition
/// findings has its own visible sign (Cardiomegaly a wide heart, Pleural Effusion a bright band at a lung
/// base, Consolidation a bright blob, Edema horizontal streaks, Atelectasis a thin bright plate). Patients
/// have 1–4 studies; findings mostly persist between a patient's studies, positions and size jitter per
/// image. Site B shifts the acquisition for out-of-distribution tests; patients of the two sites never share ids.
/// </summary>
public static class SyntheticChestXray
{
    /// <summary>The label columns: <see cref="LabelNames.CheXpertCompetition"/>.</summary>
    public static IReadOnlyList<string> Findings => LabelNames.CheXpertCompetition;

    // Per-patient prevalence of each finding, in Findings order (Atelectasis ... Pleural Effusion).
    static readonly double[] Prevalence = { 0.2, 0.2, 0.15, 0.15, 0.25 };

    public static MedicalDataset Generate(SyntheticCxrOptions? options = null)
    {
        var o = options ?? new SyntheticCxrOptions();
        if (o.Patients < 1 || o.ImageSize < 16) throw new ArgumentOutOfRangeException(nameof(options), "at least 1 patient and 16-pixel images.");
        var rows = new List<(string Patient, int Study, bool[] Truth)>();
        var labels = new List<float>();
        var columns = new Dictionary<string, List<string>>();
        void Add(string column, string value) => (columns.TryGetValue(column, out var l) ? l : columns[column] = new List<string>()).Add(value);
        for (int p = 0; p < o.Patients; p++)
        {
            var rng = new SeededRandom(o.Seed, (int)o.Site, p);
            var latent = Prevalence.Select(q => rng.Chance(q)).ToArray();
            int studies = 1 + Pick(rng, 0.4, 0.3, 0.2);
            string patient = $"{o.Site}-p{p:00000}", sex = rng.Chance(0.5) ? "Female" : "Male";
            int age = 20 + rng.Next(70);
            for (int s = 1; s <= studies; s++)
            {
                var truth = latent.Select(l => l ? rng.Chance(0.85) : rng.Chance(0.04)).ToArray();
                rows.Add((patient, s, truth));
                labels.AddRange(truth.Select(t => rng.Chance(o.UncertainRate) ? float.NaN : t ? 1f : 0f));
                Add(MetadataColumns.PatientId, patient);
                Add(MetadataColumns.CaseId, patient);
                Add("StudyId", $"{patient}/s{s}");
                Add(MetadataColumns.View, rng.Chance(0.7) ? "PA" : "AP");
                Add(MetadataColumns.Site, o.Site.ToString());
                Add(MetadataColumns.Sex, sex);
                Add(MetadataColumns.Age, (age + s - 1).ToString(CultureInfo.InvariantCulture));
            }
        }
        var images = new SyntheticImages(o, rows.Select(r => (r.Patient, r.Study, r.Truth)).ToArray());
        var metadata = new MetadataTable(rows.Count, columns.Select(kv => KeyValuePair.Create(kv.Key, kv.Value.ToArray())));
        return MedicalDataset.Multilabel($"synthetic-cxr-{o.Site}", images, new LabelMatrix(rows.Count, Findings, labels.ToArray()), metadata);
    }

    // 0 with probability a, 1 with b, 2 with c, else 3.
    static int Pick(SeededRandom rng, double a, double b, double c)
    {
        double u = rng.NextDouble();
        return u < a ? 0 : u < a + b ? 1 : u < a + b + c ? 2 : 3;
    }

    /// <summary>Draws each image on demand from its row's seed, so any thread can load any row.</summary>
    sealed class SyntheticImages : IImageSource
    {
        readonly SyntheticCxrOptions o;
        readonly (string Patient, int Study, bool[] Truth)[] rows;

        public SyntheticImages(SyntheticCxrOptions o, (string, int, bool[])[] rows) => (this.o, this.rows) = (o, rows);

        public int Count => rows.Length;
        public int Channels => 1;

        public Tensor Load(int row) =>
            Tensor.FromBytes(Pixels(row), new long[] { 1, o.ImageSize, o.ImageSize }, ScalarType.Byte);

        public string Describe(int row) => $"synthetic-cxr(seed {o.Seed}, site {o.Site})[{row}: {rows[row].Patient} study {rows[row].Study}]";

        byte[] Pixels(int row)
        {
            var rng = new SeededRandom(o.Seed, 1000 + (int)o.Site, row);
            var canvas = SyntheticPainter.Draw(o.ImageSize, rows[row].Truth, rng);
            return o.Site == SyntheticSite.A
                ? canvas.ToBytes(contrast: 1.0, brightness: 0.0, gamma: 1.0, noise: 0.02, rng)
                : canvas.ToBytes(contrast: 0.7, brightness: 0.15, gamma: 0.8, noise: 0.06, rng);
        }
    }
}
