using System.Globalization;
using System.Xml;
using Microsoft.CodeAnalysis;

namespace MedSsl.Kernel.Engine;

/// <summary>An assembly's XML documentation files (beside the dll, or in the SDK's ref pack), read on first use.</summary>
internal sealed class XmlDocs(string[] paths) : DocumentationProvider
{
    readonly string key = string.Join("|", paths);
    readonly Lazy<Dictionary<string, string>> members = new(() =>
    {
        var all = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in paths) Load(path, all);
        return all;
    });

    protected override string? GetDocumentationForSymbol(string documentationMemberID, CultureInfo preferredCulture,
                                                         CancellationToken cancellationToken = default) =>
        members.Value.GetValueOrDefault(documentationMemberID);

    static void Load(string path, Dictionary<string, string> result)
    {
        try
        {
            using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
            reader.MoveToContent();
            while (!reader.EOF)
            {
                if (reader is { NodeType: XmlNodeType.Element, Name: "member" } && reader.GetAttribute("name") is { } name)
                    result[name] = reader.ReadOuterXml(); // moves past the element
                else reader.Read();
            }
        }
        catch (Exception e) when (e is XmlException or IOException) { } // no docs beats no kernel
    }

    public override bool Equals(object? obj) => obj is XmlDocs other && other.key == key;

    public override int GetHashCode() => key.GetHashCode();
}
