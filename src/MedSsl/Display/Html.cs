using System.Text;

namespace MedSsl.Display;

// HTML text helpers shared by the display objects.
static class Html
{
    /// <summary>
    /// Escapes text for element content and quoted attributes: &lt; &gt; &amp; " ' only, so "±", "·" and
    /// non-Latin class names stay readable in the saved notebook (WebUtility.HtmlEncode turns them into entities).
    /// </summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length + 16);
        foreach (var ch in text)
        {
            var entity = ch switch { '<' => "&lt;", '>' => "&gt;", '&' => "&amp;", '"' => "&quot;", '\'' => "&#39;", _ => null };
            if (entity is null) sb.Append(ch); else sb.Append(entity);
        }
        return sb.ToString();
    }
}
