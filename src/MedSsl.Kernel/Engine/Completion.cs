using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;

namespace MedSsl.Kernel.Engine;

/// <summary>
/// Tab completion from the semantic model of the cell compiled as the next submission: after "expr." the
/// members of expr's type (static ones after a type name, extension methods included), elsewhere every name
/// in scope plus the C# keywords. Names starting with the word under the cursor, case-insensitively.
/// </summary>
internal static class Completion
{
    public static IReadOnlyList<string> Complete(Script script, int position, out int start, out int end)
    {
        var compilation = script.GetCompilation();
        var tree = ScriptSession.CellTree(compilation);
        var text = tree.GetText().ToString();
        position = Math.Clamp(position, 0, text.Length);
        start = position;
        while (start > 0 && IsIdentifierChar(text[start - 1])) start--;
        end = position;
        var prefix = text[start..position].TrimStart('@');
        var model = compilation.GetSemanticModel(tree);

        IEnumerable<ISymbol> symbols;
        var keywords = Enumerable.Empty<string>();
        if (MemberAccessTarget(tree, text, start) is { } target)
            symbols = Members(model, target, start);
        else
        {
            symbols = model.LookupSymbols(start);
            keywords = Keywords;
        }
        var names = symbols.Where(s => s.CanBeReferencedByName && !IsHidden(s)).Select(s => s.Name).Concat(keywords)
            .Where(n => n.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Distinct()
            .ToList();
        // Exact-case matches first, then alphabetical.
        return names.OrderBy(n => n.StartsWith(prefix, StringComparison.Ordinal) ? 0 : 1).ThenBy(n => n, StringComparer.Ordinal).ToList();
    }

    /// <summary>The expression before the '.' that precedes the word at start, if any.</summary>
    static SyntaxNode? MemberAccessTarget(SyntaxTree tree, string text, int start)
    {
        var dot = start - 1;
        while (dot >= 0 && char.IsWhiteSpace(text[dot])) dot--;
        if (dot < 0 || text[dot] != '.') return null;
        var token = tree.GetRoot().FindToken(dot);
        return token.Parent switch
        {
            MemberAccessExpressionSyntax m => m.Expression,
            QualifiedNameSyntax q => q.Left,
            MemberBindingExpressionSyntax b => b.FirstAncestorOrSelf<ConditionalAccessExpressionSyntax>()?.Expression,
            _ => null,
        };
    }

    static IEnumerable<ISymbol> Members(SemanticModel model, SyntaxNode target, int position)
    {
        var info = model.GetSymbolInfo(target);
        var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
        if (symbol is INamespaceSymbol ns) return model.LookupNamespacesAndTypes(position, ns);
        if (symbol is ITypeSymbol type) return model.LookupStaticMembers(position, type);
        var instance = model.GetTypeInfo(target).Type;
        if (instance is null or IErrorTypeSymbol) return [];
        return model.LookupSymbols(position, instance, includeReducedExtensionMethods: true).Where(s => !s.IsStatic || s is IMethodSymbol { MethodKind: MethodKind.ReducedExtension });
    }

    static bool IsHidden(ISymbol s) => s.Name.StartsWith('<') || s.ContainingType?.IsScriptClass == true && s.IsImplicitlyDeclared;

    static bool IsIdentifierChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '@';

    static readonly string[] Keywords =
    [
        "abstract", "as", "async", "await", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class",
        "const", "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal",
        "is", "lock", "long", "nameof", "namespace", "new", "null", "object", "operator", "out", "override", "params",
        "private", "protected", "public", "readonly", "record", "ref", "return", "sbyte", "sealed", "short", "sizeof",
        "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong",
        "unchecked", "unsafe", "ushort", "using", "var", "virtual", "void", "volatile", "when", "where", "while", "yield",
    ];
}
