using System.Collections;
using System.Globalization;

namespace MedSsl.Display;

/// <summary>
/// Turns any value into a MIME bundle (MIME type → content) for notebooks: the kernel shows a cell's last
/// expression and every <c>display(x)</c> with it. Order: a formatter registered for the value's type (the most
/// specific type wins, then the latest registration), then <see cref="IMimeRenderable"/>, then the built-ins:
/// an HTML and text table for sequences of records, anonymous objects, tuples or key/value pairs, a bracketed
/// list for other sequences, invariant-culture text for numbers and <c>ToString()</c> for the rest
/// (tensors, modules). Every bundle has "text/plain".
/// </summary>
public static class Formatter
{
    sealed record Entry(Type Type, Func<object, IReadOnlyDictionary<string, string>> Format, long Order);

    static readonly List<Entry> registered = new();
    static long registrations;

    /// <summary>Rows shown by tables and items by lists before "…".</summary>
    public static int MaxItems { get; set; } = 100;

    /// <summary>Registers how values of type T (and types derived from it) render. Thread-safe.</summary>
    public static void Register<T>(Func<T, IReadOnlyDictionary<string, string>> format)
    {
        ArgumentNullException.ThrowIfNull(format);
        lock (registered)
            registered.Add(new Entry(typeof(T), v => format((T)v), ++registrations));
    }

    /// <summary>The bundle for a value; always holds "text/plain".</summary>
    public static IReadOnlyDictionary<string, string> ToMimeBundle(object? value)
    {
        if (value is null) return Plain("null");
        IReadOnlyDictionary<string, string>? bundle = null;
        if (Find(value.GetType()) is { } custom) bundle = custom(value);
        else if (value is IMimeRenderable renderable) bundle = renderable.ToMimeBundle();
        else if (value is not string && value is IEnumerable items && RecordTables.TryRender(items, MaxItems) is { } table)
            bundle = table;
        if (bundle is null) return Plain(ToText(value));
        if (bundle.ContainsKey("text/plain")) return bundle;
        var withText = new Dictionary<string, string>(bundle) { ["text/plain"] = ToText(value, useCustom: false) };
        return withText;
    }

    /// <summary>The plain-text form: what "text/plain" holds for values without a formatter.</summary>
    public static string ToText(object? value) => ToText(value, useCustom: true);

    static string ToText(object? value, bool useCustom)
    {
        if (useCustom && value is not null && (Find(value.GetType()) is not null || value is IMimeRenderable))
            return ToMimeBundle(value)["text/plain"];
        return value switch
        {
            null => "null",
            string s => s,
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            IEnumerable items when RecordTables.IsTabular(items) => RecordTables.TryRender(items, MaxItems)!["text/plain"],
            IEnumerable items => ListText(items),
            _ => value.ToString() ?? "",
        };
    }

    /// <summary>Text of one item inside a list or table cell: strings quoted, one line.</summary>
    internal static string ItemText(object? item) => item switch
    {
        string s => "\"" + s.Replace("\"", "\\\"") + "\"",
        char c => $"'{c}'",
        _ => ToText(item).ReplaceLineEndings(" "),
    };

    static string ListText(IEnumerable items)
    {
        var shown = new List<string>();
        var more = false;
        foreach (var item in items)
        {
            if (shown.Count == MaxItems) { more = true; break; }
            shown.Add(ItemText(item));
        }
        var count = items is ICollection c ? c.Count : shown.Count;
        var body = shown.Count == 0 ? "{ }" : "{ " + string.Join(", ", shown) + (more ? ", …" : "") + " }";
        var head = items is Array a && a.Rank == 1
            ? $"{TypeName(a.GetType().GetElementType()!)}[{count}]"
            : TypeName(items.GetType()) + (items is ICollection || !more ? $"({count})" : "");
        return head + " " + body;
    }

    /// <summary>C#-style type names: "int[]", "List&lt;string&gt;".</summary>
    internal static string TypeName(Type t)
    {
        if (t.IsArray) return TypeName(t.GetElementType()!) + "[" + new string(',', t.GetArrayRank() - 1) + "]";
        if (Aliases.TryGetValue(t, out var alias)) return alias;
        if (!t.IsGenericType) return t.Name;
        var name = t.Name[..t.Name.IndexOf('`')];
        return $"{name}<{string.Join(", ", t.GetGenericArguments().Select(TypeName))}>";
    }

    static readonly Dictionary<Type, string> Aliases = new()
    {
        [typeof(int)] = "int", [typeof(long)] = "long", [typeof(float)] = "float", [typeof(double)] = "double",
        [typeof(bool)] = "bool", [typeof(string)] = "string", [typeof(byte)] = "byte", [typeof(short)] = "short",
        [typeof(object)] = "object", [typeof(char)] = "char", [typeof(decimal)] = "decimal",
    };

    static Func<object, IReadOnlyDictionary<string, string>>? Find(Type type)
    {
        lock (registered)
        {
            Entry? best = null;
            var bestDistance = int.MaxValue;
            foreach (var e in registered)
            {
                var d = Distance(type, e.Type);
                if (d < 0) continue;
                if (d < bestDistance || (d == bestDistance && e.Order > best!.Order)) { best = e; bestDistance = d; }
            }
            return best?.Format;
        }
    }

    /// <summary>0 for the type itself, 1 for its base class, …; interfaces after every class; -1 if unrelated.</summary>
    static int Distance(Type type, Type target)
    {
        var d = 0;
        for (var t = type; t is not null; t = t.BaseType, d++)
            if (t == target) return d;
        return target.IsAssignableFrom(type) ? 1000 : -1;
    }

    static IReadOnlyDictionary<string, string> Plain(string text) => new Dictionary<string, string> { ["text/plain"] = text };
}
