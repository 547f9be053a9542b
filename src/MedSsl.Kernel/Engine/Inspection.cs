using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using MedSsl.Display;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;

namespace MedSsl.Kernel.Engine;

/// <summary>
/// Shift+Tab help: the symbol under (or just before) the cursor, or the method being called around it, as its
/// C# signature, overload count and XML doc summary (detail level 1 adds parameters, returns and remarks).
/// </summary>
internal static partial class Inspection
{
    static readonly SymbolDisplayFormat Signature = SymbolDisplayFormat.MinimallyQualifiedFormat
        .WithMemberOptions(SymbolDisplayMemberOptions.IncludeParameters | SymbolDisplayMemberOptions.IncludeType
                           | SymbolDisplayMemberOptions.IncludeContainingType | SymbolDisplayMemberOptions.IncludeRef)
        .WithParameterOptions(SymbolDisplayParameterOptions.IncludeType | SymbolDisplayParameterOptions.IncludeName
                              | SymbolDisplayParameterOptions.IncludeDefaultValue | SymbolDisplayParameterOptions.IncludeParamsRefOut)
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    public static string? Describe(Script script, int position, int detailLevel, Func<string, object?>? valueOf = null)
    {
        var compilation = script.GetCompilation();
        var tree = ScriptSession.CellTree(compilation);
        var model = compilation.GetSemanticModel(tree);
        if (SymbolAt(model, tree.GetRoot(), Math.Clamp(position, 0, tree.Length)) is not { } symbol) return null;

        var sb = new StringBuilder(Display(symbol));
        var overloads = symbol is IMethodSymbol m
            ? (m.ReducedFrom ?? m).ContainingType.GetMembers(m.Name).OfType<IMethodSymbol>().Count() - 1 : 0;
        if (overloads > 0) sb.Append($" (+ {overloads} overload{(overloads > 1 ? "s" : "")})");
        if (symbol is IFieldSymbol { ContainingType.IsScriptClass: true } or ILocalSymbol && valueOf?.Invoke(symbol.Name) is { } value)
            sb.Append("\nvalue: ").Append(Truncate(Formatter.ToText(value), 600));
        var docSymbol = symbol switch
        {
            IMethodSymbol { ReducedFrom: { } ext } => ext,
            ILocalSymbol l => l.Type,
            IFieldSymbol { ContainingType.IsScriptClass: true } f => f.Type,
            _ => symbol.OriginalDefinition,
        };
        if (Documentation(docSymbol, detailLevel) is { Length: > 0 } doc) sb.Append('\n').Append(doc);
        return sb.ToString();
    }

    static string Display(ISymbol symbol) => symbol switch
    {
        ILocalSymbol l => $"{l.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)} {l.Name}",
        IFieldSymbol { ContainingType.IsScriptClass: true } f => $"{f.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)} {f.Name}",
        INamedTypeSymbol t => $"{t.TypeKind.ToString().ToLowerInvariant()} {t.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat)}",
        INamespaceSymbol n => $"namespace {n.ToDisplayString()}",
        _ => symbol.ToDisplayString(Signature),
    };

    static ISymbol? SymbolAt(SemanticModel model, SyntaxNode root, int position)
    {
        var token = root.FindToken(position);
        if (!token.IsKind(SyntaxKind.IdentifierToken) && position > 0) token = root.FindToken(position - 1);
        if (token.IsKind(SyntaxKind.IdentifierToken) && token.Parent is { } node)
        {
            var info = model.GetSymbolInfo(node);
            if ((info.Symbol ?? info.CandidateSymbols.FirstOrDefault() ?? model.GetDeclaredSymbol(node)) is { } s) return s;
        }
        // Inside "f(a, |": the method being called.
        var call = token.Parent?.AncestorsAndSelf().FirstOrDefault(n => n is InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax);
        if (call is null) return null;
        var callInfo = model.GetSymbolInfo(call);
        return callInfo.Symbol ?? callInfo.CandidateSymbols.FirstOrDefault();
    }

    static string Documentation(ISymbol symbol, int detailLevel)
    {
        var xml = symbol.GetDocumentationCommentXml(expandIncludes: true);
        if (string.IsNullOrWhiteSpace(xml)) return "";
        XElement doc;
        try { doc = XElement.Parse(xml); }
        catch (System.Xml.XmlException) { return ""; }
        var sb = new StringBuilder(Text(doc.Element("summary")));
        if (detailLevel > 0)
        {
            foreach (var p in doc.Elements("param")) sb.Append($"\n  {p.Attribute("name")?.Value}: {Text(p)}");
            if (doc.Element("returns") is { } r) sb.Append("\nReturns: ").Append(Text(r));
            if (doc.Element("remarks") is { } rem) sb.Append('\n').Append(Text(rem));
        }
        return sb.ToString().Trim();
    }

    /// <summary>Doc text with &lt;see cref="T:System.String"/&gt; as "String" and whitespace collapsed.</summary>
    static string Text(XElement? element)
    {
        if (element is null) return "";
        var sb = new StringBuilder();
        foreach (var node in element.Nodes())
            sb.Append(node switch
            {
                XText t => t.Value,
                XElement { Name.LocalName: "see" or "seealso" } e => e.Attribute("langword")?.Value
                    ?? CrefName(e.Attribute("cref")?.Value) ?? e.Value,
                XElement { Name.LocalName: "paramref" or "typeparamref" } e => e.Attribute("name")?.Value,
                XElement e => Text(e),
                _ => "",
            });
        return Spaces().Replace(sb.ToString(), " ").Trim();
    }

    static string? CrefName(string? cref) => cref?.Split(':').Last().Split('(')[0].Split('.').Last().Split('`')[0];

    static string Truncate(string s, int max) => s.Length <= max ? s : s[..max] + "…";

    [GeneratedRegex(@"\s+")] private static partial Regex Spaces();
}
