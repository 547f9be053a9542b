using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MedSsl.Kernel.Engine;

namespace MedSsl.Kernel.Notebooks;

/// <summary>
/// papermill-style parameters for C#: each "-p Name=Value" becomes a declaration in an injected cell, typed
/// like the default in the cell tagged "parameters" (int epochs = 10; → "-p epochs=3" gives int epochs = 3;),
/// so a later cell sees the same type. Names without a default get the type their text looks like.
/// </summary>
public static class Parameters
{
    /// <summary>"Name=Value" → (Name, Value); ArgumentException for anything else.</summary>
    public static (string Name, string Value) Parse(string assignment)
    {
        var eq = assignment.IndexOf('=');
        var name = eq > 0 ? assignment[..eq].Trim() : "";
        if (!SyntaxFacts.IsValidIdentifier(name))
            throw new ArgumentException($"-p {assignment}: expected Name=Value with Name a C# identifier");
        return (name, assignment[(eq + 1)..]);
    }

    /// <summary>Declared types of the top-level variables of a parameters cell: "int", "double", "var:double", ….</summary>
    public static Dictionary<string, string> Declared(string parametersCell)
    {
        var tree = CSharpSyntaxTree.ParseText(parametersCell, ScriptEnvironment.ParseOptions);
        var result = new Dictionary<string, string>();
        foreach (var declaration in tree.GetRoot().DescendantNodes().OfType<VariableDeclarationSyntax>()
                     .Where(d => d.Parent is FieldDeclarationSyntax or LocalDeclarationStatementSyntax { Parent: GlobalStatementSyntax }))
            foreach (var v in declaration.Variables)
                result[v.Identifier.ValueText] = declaration.Type.IsVar ? "var:" + LiteralType(v.Initializer?.Value) : declaration.Type.ToString();
        return result;
    }

    static string LiteralType(ExpressionSyntax? value) => value switch
    {
        LiteralExpressionSyntax { Token.Value: { } v } => v switch
        {
            int => "int", long => "long", double => "double", float => "float", decimal => "decimal", bool => "bool", string => "string",
            _ => "",
        },
        PrefixUnaryExpressionSyntax { OperatorToken.Text: "-" } neg => LiteralType(neg.Operand),
        _ => "",
    };

    /// <summary>The declaration for one parameter, e.g. "double lr = 0.05;".</summary>
    public static string Declaration(string name, string value, string? declaredType)
    {
        var type = declaredType?.StartsWith("var:", StringComparison.Ordinal) == true ? declaredType[4..] : declaredType;
        if (string.IsNullOrEmpty(type)) type = Infer(value);
        type = type.TrimEnd('?') is var plain && plain is "string" or "bool" or "int" or "long" or "double" or "float" or "decimal" ? plain : type;
        var where = declaredType is null ? "" : $" (the parameters cell declares {type} {name})";
        string Bad() => throw new ArgumentException($"-p {name}={value}: expected {type}{where}");
        var inv = CultureInfo.InvariantCulture;
        var literal = type switch
        {
            "string" => SymbolDisplay.FormatLiteral(value, quote: true),
            "bool" => bool.TryParse(value, out var b) ? (b ? "true" : "false") : Bad(),
            "int" => int.TryParse(value, NumberStyles.Integer, inv, out var i) ? i.ToString(inv) : Bad(),
            "long" => long.TryParse(value, NumberStyles.Integer, inv, out var l) ? l.ToString(inv) + "L" : Bad(),
            "double" => double.TryParse(value, NumberStyles.Float, inv, out var d) && double.IsFinite(d) ? d.ToString("R", inv) : Bad(),
            "float" => float.TryParse(value, NumberStyles.Float, inv, out var f) && float.IsFinite(f) ? f.ToString("R", inv) + "f" : Bad(),
            "decimal" => decimal.TryParse(value, NumberStyles.Float, inv, out var m) ? m.ToString(inv) + "m" : Bad(),
            _ => value, // another declared type (an enum, an array): the value is C# code
        };
        return $"{type} {name} = {literal};";
    }

    /// <summary>The type a value's text looks like: bool, int, long, double, else string.</summary>
    static string Infer(string value)
    {
        var inv = CultureInfo.InvariantCulture;
        if (bool.TryParse(value, out _)) return "bool";
        if (int.TryParse(value, NumberStyles.AllowLeadingSign, inv, out _)) return "int";
        if (long.TryParse(value, NumberStyles.AllowLeadingSign, inv, out _)) return "long";
        if (double.TryParse(value, NumberStyles.Float, inv, out var d) && double.IsFinite(d)) return "double";
        return "string";
    }
}
