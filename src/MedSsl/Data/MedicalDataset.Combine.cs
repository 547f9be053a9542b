namespace MedSsl.Data;

// Harmonising label columns and stacking datasets.
public sealed partial class MedicalDataset
{
    /// <summary>
    /// The same rows with the label columns <paramref name="names"/>, in that order (TorchXRayVision's
    /// relabel_dataset, without mutation). A name matches the existing column of the same finding, ignoring
    /// case, separators and synonyms (NIH "Effusion" is CheXpert "Pleural Effusion"); columns not asked for
    /// are dropped. Multilabel: a name the dataset lacks becomes a NaN column (never labelled).
    /// Multiclass: class indices are remapped; a new class has no rows; rows of a dropped class become -1 (unknown).
    /// </summary>
    public MedicalDataset Relabel(IReadOnlyList<string> names)
    {
        if (Task == TaskKind.Unlabeled) throw new InvalidOperationException($"{Name} is unlabeled: there are no labels to relabel.");
        var duplicate = names.GroupBy(n => n).FirstOrDefault(g => g.Count() > 1);
        if (duplicate != null) throw new ArgumentException($"Label '{duplicate.Key}' is asked for twice.", nameof(names));
        var source = names.Select(n => MedSsl.Data.LabelNames.Find(LabelNames, n)).ToArray();
        if (targets is null)
            return new(Name, Images, Task, Labels.Remap(names, source), null, Metadata, SkippedRows);
        var newIndex = new int[LabelNames.Count];
        Array.Fill(newIndex, -1);
        for (int c = 0; c < source.Length; c++) if (source[c] >= 0) newIndex[source[c]] = c;
        var remapped = targets.Select(t => t < 0 ? -1 : newIndex[t]).ToArray();
        return new(Name, Images, Task, LabelMatrix.OneHot(names, remapped), remapped, Metadata, SkippedRows);
    }

    /// <summary>Datasets one after the other (same task and label names: <see cref="Relabel"/> first).
    /// Metadata columns are united; a column a part lacks is blank on its rows.</summary>
    public static MedicalDataset Concat(string name, IReadOnlyList<MedicalDataset> parts)
    {
        if (parts.Count == 0) throw new ArgumentException("Nothing to concatenate.", nameof(parts));
        var odd = parts.FirstOrDefault(p => p.Task != parts[0].Task);
        if (odd != null) throw new ArgumentException($"Cannot concatenate {parts[0].Name} ({parts[0].Task}) with {odd.Name} ({odd.Task}).");
        var images = RowMappedImageSource.Concat(parts.Select(p => p.Images).ToArray());
        var metadata = MetadataTable.Concat(parts.Select(p => p.Metadata).ToArray());
        var skipped = parts.SelectMany(p => p.SkippedRows).ToArray();
        if (parts[0].targets is null)
            return new(name, images, parts[0].Task, LabelMatrix.Concat(parts.Select(p => p.Labels).ToArray()), null, metadata, skipped);
        var classes = parts[0].LabelNames;
        var odd2 = parts.FirstOrDefault(p => !p.LabelNames.SequenceEqual(classes));
        if (odd2 != null) throw new ArgumentException($"{odd2.Name}'s classes differ from {parts[0].Name}'s; Relabel first.");
        return Multiclass(name, images, classes, parts.SelectMany(p => p.targets!).ToArray(), metadata, skipped);
    }
}
