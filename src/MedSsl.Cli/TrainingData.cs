using MedSsl.Data;
using MedSsl.Training;

namespace MedSsl.Cli;

/// <summary>
/// The data of the training commands: a catalogued dataset re-split by case (CaseSplit, 70/10/20 — never
/// DermaMNIST's official split, which puts one lesion in several splits), held in memory. "synthetic-cxr" is the
/// synthetic chest X-ray set; a missing DermaMNIST falls back to it with a note.
/// </summary>
internal sealed record TrainingData(MedicalDataset train_rows, ImageSet train, ImageSet test, string description) : IDisposable
{
    public static TrainingData Load(string name, int split_seed = 0, int synthetic_size = 32)
    {
        MedicalDataset dataset;
        string note = "";
        if (name == "synthetic-cxr") dataset = SyntheticChestXray.Generate(new SyntheticCxrOptions { ImageSize = synthetic_size });
        else
        {
            try { dataset = ManifestDatasets.Open(name); }
            catch (DirectoryNotFoundException) when (name == "dermamnist-lesion")
            {
                Console.WriteLine("note: ../shared/data/dermamnist-lesion not found (set MEDSSL_DATA); using the synthetic chest X-ray set instead.");
                dataset = SyntheticChestXray.Generate(new SyntheticCxrOptions { ImageSize = synthetic_size });
                note = " (fallback)";
            }
        }
        var splits = CaseSplit.Split(dataset, split_seed);
        var trainRows = splits.Train;
        var train = ImageSet.From(trainRows);
        var test = ImageSet.From(splits.Test);
        var shape = string.Join("×", train.images.shape.Skip(1));
        return new TrainingData(trainRows, train, test,
            $"{dataset.Name}{note}: {shape}, case-level re-split (seed {split_seed}): train {train.Count} images / {train.case_count} cases, " +
            $"test {test.Count} / {test.case_count}; {dataset.Task}, {dataset.LabelNames.Count} labels");
    }

    public int image_size => (int)train.images.shape[^1];

    public void Dispose()
    {
        train.Dispose();
        test.Dispose();
    }
}
