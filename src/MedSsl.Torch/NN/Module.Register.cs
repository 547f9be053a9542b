using System.Reflection;

namespace MedSsl.Torch;

public static partial class torch
{
    public static partial class nn
    {
        // Registration by reflection, TorchSharp style.
        public abstract partial class Module
        {
            /// <summary>
            /// Registers this object's fields by name, in declaration order (base class fields first):
            /// Parameter fields as parameters, Module fields as children, other Tensor fields as buffers.
            /// The field name is the state_dict key (an auto-property registers under its property name).
            /// Null fields and names already registered are skipped, so calling it twice is harmless.
            /// Call it at the end of the constructor.
            /// </summary>
            protected void RegisterComponents()
            {
                foreach (var (name, value) in ComponentFields())
                {
                    if (parameters_.ContainsKey(name) || buffers_.ContainsKey(name) || modules_.ContainsKey(name)) continue;
                    switch (value)
                    {
                        case Parameter p: register_parameter(name, p); break;
                        case Module m: register_module(name, m); break;
                        case Tensor t: register_buffer(name, t); break;
                    }
                }
            }

            IEnumerable<(string name, object value)> ComponentFields()
            {
                var chain = new List<Type>();
                for (var t = GetType(); t != null && t != typeof(Module); t = t.BaseType) chain.Add(t);
                chain.Reverse();
                const BindingFlags flags = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
                foreach (var type in chain)
                    foreach (var field in type.GetFields(flags).OrderBy(f => f.MetadataToken))
                        if (field.GetValue(this) is { } value and (Tensor or Module))
                            yield return (KeyOf(field.Name), value);
            }

            /// <summary>"&lt;fc&gt;k__BackingField" (an auto-property) → "fc"; other names as they are.</summary>
            static string KeyOf(string fieldName) =>
                fieldName.StartsWith('<') && fieldName.IndexOf('>') is var end and > 1 ? fieldName[1..end] : fieldName;
        }
    }
}
