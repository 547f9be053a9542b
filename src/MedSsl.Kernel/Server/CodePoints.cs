namespace MedSsl.Kernel.Server;

/// <summary>Jupyter counts cursor positions in Unicode code points (protocol 5.2); C# strings in UTF-16 units.</summary>
internal static class CodePoints
{
    public static int ToUtf16(string text, int codePoints)
    {
        int i = 0;
        for (int cp = 0; cp < codePoints && i < text.Length; cp++)
            i += char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
        return i;
    }

    public static int FromUtf16(string text, int index)
    {
        int cp = 0;
        for (int i = 0; i < index && i < text.Length; cp++)
            i += char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
        return cp;
    }
}
