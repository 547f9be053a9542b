using System.Text;

namespace MedSsl.Torch;

public static partial class torch
{
    public static partial class nn
    {
        // Printing a module tree the way PyTorch does.
        public abstract partial class Module
        {
            /// <summary>The text inside the parentheses of this module's line, e.g. "in_features=3, out_features=4, bias=True".</summary>
            public virtual string extra_repr() => "";

            /// <summary>PyTorch's repr: "Name(extra)" or a nested block listing "(name): child".</summary>
            public override string ToString()
            {
                var kids = named_children().ToList();
                if (kids.Count == 0) return $"{GetName()}({extra_repr()})";
                var sb = new StringBuilder(GetName()).Append('(');
                if (extra_repr() is { Length: > 0 } extra) sb.Append("\n  ").Append(extra);
                foreach (var (name, child) in kids)
                    sb.Append("\n  (").Append(name).Append("): ").Append(child.ToString().Replace("\n", "\n  "));
                return sb.Append("\n)").ToString();
            }

            /// <summary>"True"/"False" as Python prints booleans in extra_repr.</summary>
            protected static string Py(bool b) => b ? "True" : "False";
        }
    }
}
