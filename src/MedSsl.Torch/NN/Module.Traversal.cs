namespace MedSsl.Torch;

public static partial class torch
{
    public static partial class nn
    {
        // Walking the tree: parameters, buffers, children and modules, with dotted names.
        public abstract partial class Module
        {
            /// <summary>Parameters with dotted names, this module's first, then each descendant's in
            /// pre-order; a tensor shared by two modules is listed once, as in PyTorch.</summary>
            public IEnumerable<(string name, Parameter parameter)> named_parameters(bool recurse = true)
            {
                var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
                foreach (var (prefix, m) in recurse ? named_modules() : new[] { ("", this) })
                    foreach (var (name, p) in m.parameters_)
                        if (p is not null && seen.Add(p))
                            yield return (Join(prefix, name), p);
            }

            public IEnumerable<Parameter> parameters(bool recurse = true) => named_parameters(recurse).Select(e => e.parameter);

            /// <summary>Buffers (persistent or not) with dotted names, in the same order as parameters.</summary>
            public IEnumerable<(string name, Tensor buffer)> named_buffers(bool recurse = true)
            {
                var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
                foreach (var (prefix, m) in recurse ? named_modules() : new[] { ("", this) })
                    foreach (var (name, b) in m.buffers_)
                        if (b is not null && seen.Add(b))
                            yield return (Join(prefix, name), b);
            }

            public IEnumerable<Tensor> buffers(bool recurse = true) => named_buffers(recurse).Select(e => e.buffer);

            /// <summary>Direct children, in registration order.</summary>
            public IEnumerable<(string name, Module module)> named_children()
            {
                foreach (var (name, m) in modules_)
                    if (m is not null) yield return (name, m);
            }

            public IEnumerable<Module> children() => named_children().Select(e => e.module);

            /// <summary>This module (name "") and every descendant, pre-order, each once.</summary>
            public IEnumerable<(string name, Module module)> named_modules()
            {
                var seen = new HashSet<Module>(ReferenceEqualityComparer.Instance);
                return NamedModules("", seen);
            }

            IEnumerable<(string, Module)> NamedModules(string prefix, HashSet<Module> seen)
            {
                if (!seen.Add(this)) yield break;
                yield return (prefix, this);
                foreach (var (name, child) in named_children())
                    foreach (var entry in child.NamedModules(Join(prefix, name), seen))
                        yield return entry;
            }

            public IEnumerable<Module> modules() => named_modules().Select(e => e.module);

            /// <summary>Calls fn on every descendant, then on this module (post-order, as PyTorch's apply).</summary>
            public Module apply(Action<Module> fn)
            {
                foreach (var child in children()) child.apply(fn);
                fn(this);
                return this;
            }

            /// <summary>The descendant at a dotted path such as "layer1.0.conv1" ("" is this module).</summary>
            public Module get_submodule(string target)
            {
                var m = this;
                if (target.Length == 0) return m;
                foreach (var part in target.Split('.'))
                    m = m.GetModule(part) ?? throw new ArgumentException($"{m.GetName()} has no submodule \"{part}\" (looking up \"{target}\").");
                return m;
            }

            static string Join(string prefix, string name) => prefix.Length == 0 ? name : prefix + "." + name;
        }
    }
}
