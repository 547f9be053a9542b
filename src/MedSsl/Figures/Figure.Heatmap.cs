using System.Globalization;
using System.Text.Json.Nodes;
using MedSsl.Torch;

namespace MedSsl.Figures;

// Heatmaps, and confusion matrices drawn as annotated heatmaps.
public sealed partial class Figure
{
    /// <summary>Above this many classes a confusion cell shows its count only, not the row percentage too.</summary>
    const int TwoLineCellLimit = 10;

    /// <summary>Cell size of a confusion matrix in pixels: two lines of text fit.</summary>
    const int ConfusionCell = 56;

    // ColorBrewer "Blues", white to dark blue: plotly.js's built-in "Blues" runs the other way and ends grey.
    static readonly string[] Blues = { "#f7fbff", "#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b" };

    /// <summary>
    /// A matrix z[row, col] with optional column (x) and row (y) labels, row 0 at the top as in a printed
    /// matrix; format (a .NET number format such as "0.00") writes each value in its cell.
    /// </summary>
    public static Figure Heatmap(double[,] z, IReadOnlyList<string>? x = null, IReadOnlyList<string>? y = null, string? format = null)
    {
        int rows = z.GetLength(0), cols = z.GetLength(1);
        if (x != null) Json.SameLength(cols, x.Count, "x labels", "the matrix's columns");
        if (y != null) Json.SameLength(rows, y.Count, "y labels", "the matrix's rows");
        var text = format is null ? null : Cells(rows, cols, (r, c) => z[r, c].ToString(format, CultureInfo.InvariantCulture));
        var fig = new Figure("heatmap");
        fig.Data.Add(HeatmapTrace(Rows(rows, cols, (r, c) => z[r, c]), x, y, text, "Viridis"));
        fig.Layout["yaxis"]!["autorange"] = "reversed";
        // Labels stay categories even when they look like numbers ("0", "1", ...).
        if (x != null) fig.Layout["xaxis"]!["type"] = "category";
        if (y != null) fig.Layout["yaxis"]!["type"] = "category";
        return fig;
    }

    /// <summary>A heatmap of a 2-D tensor.</summary>
    public static Figure Heatmap(Tensor z, IReadOnlyList<string>? x = null, IReadOnlyList<string>? y = null, string? format = null) =>
        Heatmap(ToMatrix<double>(z, ScalarType.Float64), x, y, format);

    /// <summary>
    /// A confusion matrix counts[true, predicted]. Colour is the fraction of each true class (so rare
    /// classes such as DermaMNIST's dermatofibroma stay readable next to the 67% nevi); each cell shows
    /// its count and, for up to 10 classes, that fraction.
    /// </summary>
    public static Figure Confusion(long[,] counts, IReadOnlyList<string> classNames)
    {
        int k = counts.GetLength(0);
        if (counts.GetLength(1) != k)
            throw new ArgumentException($"A confusion matrix is square; got {k}×{counts.GetLength(1)}.");
        Json.SameLength(k, classNames.Count, "classNames", "the confusion matrix");
        var rowSums = Enumerable.Range(0, k).Select(r => Enumerable.Range(0, k).Sum(c => counts[r, c])).ToArray();
        double frac(int r, int c) => rowSums[r] == 0 ? 0 : (double)counts[r, c] / rowSums[r];
        var text = Cells(k, k, (r, c) => k <= TwoLineCellLimit
            ? string.Create(CultureInfo.InvariantCulture, $"{counts[r, c]}<br>{frac(r, c):0%}")
            : counts[r, c].ToString(CultureInfo.InvariantCulture));
        var trace = HeatmapTrace(Rows(k, k, frac), classNames, classNames, text, null);
        trace["colorscale"] = new JsonArray(Blues.Select((c, i) => (JsonNode?)new JsonArray((double)i / (Blues.Length - 1), c)).ToArray());
        trace["zmin"] = 0;
        trace["zmax"] = 1;
        trace["colorbar"] = new JsonObject { ["title"] = new JsonObject { ["text"] = "fraction of<br>true class" } };
        trace["hovertemplate"] = "true %{y}<br>predicted %{x}<br>%{text}<extra></extra>";
        var fig = new Figure("confusion");
        fig.Data.Add(trace);
        fig.WithAxes("predicted", "true");
        fig.Layout["yaxis"]!["autorange"] = "reversed";
        fig.Layout["yaxis"]!["scaleanchor"] = "x";  // square cells
        fig.Layout["xaxis"]!["type"] = "category";
        fig.Layout["yaxis"]!["type"] = "category";
        // Square cells at a readable size; the page width would otherwise leave them tiny or stretched.
        fig.WithSize(width: Math.Max(480, 280 + ConfusionCell * k), height: Math.Max(420, 160 + ConfusionCell * k));
        return fig;
    }

    public static Figure Confusion(int[,] counts, IReadOnlyList<string> classNames) =>
        Confusion(Cast(counts), classNames);

    /// <summary>A confusion matrix from a [K, K] tensor of counts.</summary>
    public static Figure Confusion(Tensor counts, IReadOnlyList<string> classNames) =>
        Confusion(ToMatrix<long>(counts, ScalarType.Int64), classNames);

    static JsonObject HeatmapTrace(JsonArray z, IReadOnlyList<string>? x, IReadOnlyList<string>? y, JsonArray? text, string? scale)
    {
        var trace = new JsonObject { ["type"] = "heatmap", ["z"] = z };
        if (scale != null) trace["colorscale"] = scale;
        if (x != null) trace["x"] = Json.Array(x);
        if (y != null) trace["y"] = Json.Array(y);
        if (text != null)
        {
            trace["text"] = text;
            trace["texttemplate"] = "%{text}";  // plotly.js draws it in each cell, in a contrasting colour
        }
        return trace;
    }

    static JsonArray Rows(int rows, int cols, Func<int, int, double> at) =>
        new(Enumerable.Range(0, rows)
            .Select(r => (JsonNode?)Json.Array(Enumerable.Range(0, cols).Select(c => at(r, c)).ToArray())).ToArray());

    static JsonArray Cells(int rows, int cols, Func<int, int, string> at) =>
        new(Enumerable.Range(0, rows)
            .Select(r => (JsonNode?)Json.Array(Enumerable.Range(0, cols).Select(c => at(r, c)))).ToArray());

    static long[,] Cast(int[,] m)
    {
        var r = new long[m.GetLength(0), m.GetLength(1)];
        for (int i = 0; i < m.GetLength(0); i++)
            for (int j = 0; j < m.GetLength(1); j++) r[i, j] = m[i, j];
        return r;
    }

    static T[,] ToMatrix<T>(Tensor t, ScalarType dtype) where T : unmanaged
    {
        var shape = t.shape;
        if (shape.Length != 2)
            throw new ArgumentException($"A heatmap needs a 2-D tensor; got shape [{string.Join(", ", shape)}].");
        using var d = t.detach();
        using var c = d.to(dtype);
        var flat = c.data<T>();
        var m = new T[shape[0], shape[1]];
        Buffer.BlockCopy(flat, 0, m, 0, flat.Length * System.Runtime.InteropServices.Marshal.SizeOf<T>());
        return m;
    }
}
