using System.Collections;
using System.Net;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace MedSsl.Display;

/// <summary>
/// Which sequences the notebook shows as a <see cref="Table"/>: sequences whose element type is a record, an anonymous type, a value tuple or a
/// key/value pair: one row per item, one column per property (fields for tuples), an index column as pandas
/// shows it. Decided from the static element type, so a lazy query is enumerated once.
/// </summary>
internal static class RecordTables
{
    public static bool IsTabular(IEnumerable items) => Columns(items.GetType()) is not null;

    /// <summary>"text/html" and "text/plain" tables, or null when the elements are not record-like.</summary>
    public static IReadOnlyDictionary<string, string>? TryRender(IEnumerable items, int maxRows)
    {
        if (Columns(items.GetType()) is not { } columns) return null;
        var rows = items.Cast<object?>()
            .Select(item => (IReadOnlyList<object?>)columns.Select(c => item is null ? null : c.Get(item)).ToArray());
        return new Table(columns.Select(c => c.Name).ToArray(), rows) { MaxRows = maxRows }.ToMimeBundle();
    }

    sealed record Column(string Name, Func<object, object?> Get);

    static Column[]? Columns(Type sequenceType)
    {
        var element = sequenceType.GetInterfaces().Append(sequenceType)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            ?.GetGenericArguments()[0];
        if (element is null || !IsRecordLike(element)) return null;
        if (element.FullName?.StartsWith("System.ValueTuple`", StringComparison.Ordinal) == true)
            return element.GetFields().Select(f => new Column(f.Name, o => f.GetValue(o))).ToArray();
        return element.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is not null && p.Name != "EqualityContract")
            .Select(p => new Column(p.Name, o => p.GetValue(o))).ToArray();
    }

    static bool IsRecordLike(Type t) =>
        (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(KeyValuePair<,>))
        || t.FullName?.StartsWith("System.ValueTuple`", StringComparison.Ordinal) == true
        || (t.IsDefined(typeof(CompilerGeneratedAttribute)) && t.Name.Contains("AnonymousType"))
        // Records: the compiler emits a protected PrintMembers(StringBuilder) for class and struct records.
        || t.GetMethod("PrintMembers", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public,
                       [typeof(StringBuilder)]) is { } m && m.IsDefined(typeof(CompilerGeneratedAttribute));
}
