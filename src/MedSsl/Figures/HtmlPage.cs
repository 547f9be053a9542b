using System.Text;
using MedSsl.Display;

namespace MedSsl.Figures;

/// <summary>
/// A standalone HTML page of display objects (figures, tables, image grids) that opens in any browser
/// with no internet: plotly.js is inlined once in the head when the page has a figure.
/// </summary>
public static class HtmlPage
{
    public static string Render(string title, params IMimeRenderable[] items)
    {
        string? library = null;
        if (items.OfType<Figure>().Any())
            library = PlotlyJs.Source(out var why)
                ?? throw new FileNotFoundException($"Cannot write a page with figures: plotly.js was not found ({why}).");
        var sb = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append($"<title>{Html.Escape(title)}</title>\n")
            .Append("<style>body{font-family:sans-serif;margin:24px;} .medssl-item{margin-bottom:32px;}\n")
            .Append(".medssl-table{border-collapse:collapse;font-size:14px} .medssl-table th,.medssl-table td{padding:3px 10px;border-bottom:1px solid #ddd}</style>\n");
        if (library != null) sb.Append("<script type=\"text/javascript\">").Append(library).Append("</script>\n");
        sb.Append("</head>\n<body>\n");
        foreach (var item in items)
        {
            sb.Append("<div class=\"medssl-item\">\n");
            if (item is Figure f) sb.Append(f.ToHtml(includePlotlyJs: false));
            else
            {
                var bundle = item.ToMimeBundle();
                sb.Append(bundle.TryGetValue("text/html", out var html) ? html
                    : $"<pre>{Html.Escape((bundle.TryGetValue("text/plain", out var text) ? text : item.ToString()))}</pre>");
            }
            sb.Append("\n</div>\n");
        }
        return sb.Append("</body>\n</html>\n").ToString();
    }

    /// <summary>Writes the page (UTF-8), creating the folder if needed.</summary>
    public static void Save(string path, string title, params IMimeRenderable[] items)
    {
        var html = Render(title, items);
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        File.WriteAllText(path, html, new UTF8Encoding(false));
    }
}
