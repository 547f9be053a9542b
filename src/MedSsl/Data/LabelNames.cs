namespace MedSsl.Data;

/// <summary>
/// Label names across datasets: the CheXpert competition five, NIH ChestX-ray14's fourteen, and the
/// synonyms that make one dataset's column another's ("Effusion" in NIH is CheXpert's "Pleural
/// Effusion"). Matching ignores case, spaces, underscores and hyphens.
/// </summary>
public static class LabelNames
{
    /// <summary>The five CheXpert competition pathologies the paper reports mean AUC over.</summary>
    public static readonly IReadOnlyList<string> CheXpertCompetition =
        new[] { "Atelectasis", "Cardiomegaly", "Consolidation", "Edema", "Pleural Effusion" };

    /// <summary>All fourteen CheXpert observations, in the order of the CheXpert CSV.</summary>
    public static readonly IReadOnlyList<string> CheXpertAll = new[]
    {
        "No Finding", "Enlarged Cardiomediastinum", "Cardiomegaly", "Lung Opacity", "Lung Lesion", "Edema",
        "Consolidation", "Pneumonia", "Atelectasis", "Pneumothorax", "Pleural Effusion", "Pleural Other",
        "Fracture", "Support Devices",
    };

    /// <summary>NIH ChestX-ray14's findings in the order ChestMNIST and the NIH1000 arrays use.</summary>
    public static readonly IReadOnlyList<string> Nih14 = new[]
    {
        "Atelectasis", "Cardiomegaly", "Effusion", "Infiltration", "Mass", "Nodule", "Pneumonia",
        "Pneumothorax", "Consolidation", "Edema", "Emphysema", "Fibrosis", "Pleural_Thickening", "Hernia",
    };

    /// <summary>HAM10000 / DermaMNIST diagnoses in MedMNIST's class order (alphabetical).</summary>
    public static readonly IReadOnlyList<string> Ham10000 = new[] { "akiec", "bcc", "bkl", "df", "mel", "nv", "vasc" };

    // Each group names one finding; the first spelling is the one CheXpert uses.
    static readonly string[][] Synonyms =
    {
        new[] { "Pleural Effusion", "Effusion" },
        new[] { "Edema", "Pulmonary Edema" },
    };

    /// <summary>True when two names denote the same finding (case, separators and synonyms ignored).</summary>
    public static bool Same(string a, string b)
    {
        string ka = Key(a), kb = Key(b);
        if (ka == kb) return true;
        return Synonyms.Any(g => g.Any(n => Key(n) == ka) && g.Any(n => Key(n) == kb));
    }

    /// <summary>The index in <paramref name="names"/> of the finding <paramref name="name"/> denotes, or -1.
    /// An exact match wins over a synonym.</summary>
    public static int Find(IReadOnlyList<string> names, string name)
    {
        for (int i = 0; i < names.Count; i++) if (Key(names[i]) == Key(name)) return i;
        for (int i = 0; i < names.Count; i++) if (Same(names[i], name)) return i;
        return -1;
    }

    static string Key(string name) =>
        new string(name.Where(ch => ch is not (' ' or '_' or '-')).Select(char.ToLowerInvariant).ToArray());
}
