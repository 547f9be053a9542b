using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MedSsl.Kernel.Engine;

/// <summary>is_complete for consoles: "incomplete" while a construct is open ("if (x) {", "1 +"), "invalid"
/// for complete code with syntax errors, else "complete".</summary>
internal static class Completeness
{
    public static string Check(string code, out string indent)
    {
        indent = "";
        if (string.IsNullOrWhiteSpace(code)) return "complete";
        var tree = CSharpSyntaxTree.ParseText(code, ScriptEnvironment.ParseOptions);
        if (!SyntaxFactory.IsCompleteSubmission(tree))
        {
            var depth = tree.GetRoot().DescendantTokens().Sum(t => t.Kind() switch
            {
                SyntaxKind.OpenBraceToken => 1,
                SyntaxKind.CloseBraceToken when !t.IsMissing => -1,
                _ => 0,
            });
            indent = new string(' ', 4 * Math.Max(0, depth));
            return "incomplete";
        }
        return tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error) ? "invalid" : "complete";
    }
}
