using System.Globalization;
using System.Text;

namespace MedSsl.Torch;

/// <summary>
/// The header dict of a .npy array (<c>{'descr': '&lt;f4', 'fortran_order': False, 'shape': (2, 3), }</c>):
/// parsed with a tiny reader for the Python literals NumPy writes, never evaluated.
/// </summary>
internal sealed record NpyHeader(object Descr, bool FortranOrder, long[] Shape)
{
    /// <summary>Parses the header text; <paramref name="where"/> names file and key in errors.</summary>
    public static NpyHeader Parse(string text, string where)
    {
        var reader = new LiteralReader(text, where);
        if (reader.ReadValue() is not Dictionary<string, object> dict)
            throw new InvalidDataException($"{where}: .npy header is not a dict: {text.Trim()}");
        reader.ExpectEnd();
        if (dict.Count != 3 || !dict.ContainsKey("descr") || !dict.ContainsKey("fortran_order") || !dict.ContainsKey("shape"))
            throw new InvalidDataException($"{where}: .npy header needs exactly 'descr', 'fortran_order' and 'shape': {text.Trim()}");
        if (dict["fortran_order"] is not bool fortran)
            throw new InvalidDataException($"{where}: .npy 'fortran_order' is not True/False: {text.Trim()}");
        if (dict["shape"] is not List<object> items || items.Any(i => i is not long))
            throw new InvalidDataException($"{where}: .npy 'shape' is not a tuple of integers: {text.Trim()}");
        return new NpyHeader(dict["descr"], fortran, items.Cast<long>().ToArray());
    }

    /// <summary>The dict text NumPy 1.24 writes, including its spare room for growing the first axis.</summary>
    public string Format()
    {
        var shape = Shape.Length == 1 ? $"({Shape[0]},)" : "(" + string.Join(", ", Shape) + ")";
        var text = $"{{'descr': '{Descr}', 'fortran_order': {(FortranOrder ? "True" : "False")}, 'shape': {shape}, }}";
        if (Shape.Length > 0)
        {
            var growing = Shape[FortranOrder ? ^1 : 0].ToString(CultureInfo.InvariantCulture);
            text += new string(' ', 21 - growing.Length);
        }
        return text;
    }

    /// <summary>Reads dicts, tuples, lists, quoted strings, integers and True/False: all a header may hold.</summary>
    sealed class LiteralReader(string text, string where)
    {
        int pos;

        public object ReadValue()
        {
            SkipSpace();
            if (pos >= text.Length) throw Error("unexpected end");
            char c = text[pos];
            if (c == '{') return ReadDict();
            if (c == '(') return ReadSequence(')');
            if (c == '[') return ReadSequence(']');
            if (c is '\'' or '"') return ReadString();
            if (c == '-' || char.IsAsciiDigit(c)) return ReadInt();
            if (char.IsAsciiLetter(c)) return ReadName();
            throw Error($"unexpected '{c}'");
        }

        public void ExpectEnd()
        {
            SkipSpace();
            if (pos != text.Length) throw Error("text after the dict");
        }

        Dictionary<string, object> ReadDict()
        {
            var dict = new Dictionary<string, object>();
            pos++;
            while (!TryClose('}'))
            {
                if (ReadValue() is not string key) throw Error("dict key is not a string");
                SkipSpace();
                Expect(':');
                if (!dict.TryAdd(key, ReadValue())) throw Error($"key '{key}' appears twice");
                SeparatorOr('}');
            }
            return dict;
        }

        List<object> ReadSequence(char close)
        {
            var items = new List<object>();
            pos++;
            while (!TryClose(close))
            {
                items.Add(ReadValue());
                SeparatorOr(close);
            }
            return items;
        }

        string ReadString()
        {
            char quote = text[pos++];
            var sb = new StringBuilder();
            while (pos < text.Length && text[pos] != quote)
            {
                if (text[pos] == '\\') throw Error("escapes in strings are not supported");
                sb.Append(text[pos++]);
            }
            if (pos >= text.Length) throw Error("unterminated string");
            pos++;
            return sb.ToString();
        }

        long ReadInt()
        {
            int start = pos;
            if (text[pos] == '-') pos++;
            while (pos < text.Length && char.IsAsciiDigit(text[pos])) pos++;
            if (!long.TryParse(text.AsSpan(start, pos - start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v))
                throw Error($"bad integer '{text[start..pos]}'");
            if (pos < text.Length && text[pos] == 'L') pos++; // Python 2 long suffix in old files
            return v;
        }

        object ReadName()
        {
            int start = pos;
            while (pos < text.Length && char.IsAsciiLetter(text[pos])) pos++;
            return text[start..pos] switch
            {
                "True" => true,
                "False" => false,
                var name => throw Error($"unknown name '{name}'"),
            };
        }

        bool TryClose(char close)
        {
            SkipSpace();
            if (pos < text.Length && text[pos] == close) { pos++; return true; }
            return false;
        }

        void SeparatorOr(char close)
        {
            SkipSpace();
            if (pos < text.Length && text[pos] == ',') { pos++; return; }
            if (pos < text.Length && text[pos] == close) return;
            throw Error($"expected ',' or '{close}'");
        }

        void Expect(char c)
        {
            if (pos >= text.Length || text[pos] != c) throw Error($"expected '{c}'");
            pos++;
        }

        void SkipSpace()
        {
            while (pos < text.Length && char.IsWhiteSpace(text[pos])) pos++;
        }

        InvalidDataException Error(string what) =>
            new($"{where}: cannot parse .npy header ({what} at character {pos}): {text.Trim()}");
    }
}
