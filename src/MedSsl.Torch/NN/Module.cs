namespace MedSsl.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>
        /// Base of every layer and model (torch.nn.Module). A module owns its parameters, buffers and child
        /// modules, kept in registration order; their dotted names ("layer1.0.conv1.weight") are the
        /// state_dict keys, so a structure built like torchvision's loads torchvision's weights.
        /// Register with <see cref="RegisterComponents"/> (fields, by name) or the register_* methods.
        /// Traversal, state_dict and device moves live in the Module.*.cs files beside this one.
        /// </summary>
        public abstract partial class Module : IDisposable
        {
            readonly OrderedDictionary<string, Parameter?> parameters_ = new();
            readonly OrderedDictionary<string, Tensor?> buffers_ = new();
            readonly HashSet<string> nonPersistent = new();
            readonly OrderedDictionary<string, Module?> modules_ = new();
            bool disposed;

            /// <summary>True in training mode (the default), false after eval().</summary>
            public bool training { get; private set; } = true;

            /// <summary>The class name, as PyTorch prints it.</summary>
            public virtual string GetName() => GetType().Name;

            /// <summary>Adds (or replaces) a parameter; null records an absent one (e.g. bias=False).</summary>
            public void register_parameter(string name, Parameter? param)
            {
                CheckName(name, parameters_);
                parameters_[name] = param;
            }

            /// <summary>Adds (or replaces) a buffer: a tensor that is state but not learnt (running_mean).
            /// The module takes ownership. Non-persistent buffers stay out of state_dict.</summary>
            public void register_buffer(string name, Tensor? tensor, bool persistent = true)
            {
                CheckName(name, buffers_);
                tensor?.DetachFromDisposeScope();
                buffers_[name] = tensor;
                if (persistent) nonPersistent.Remove(name);
                else nonPersistent.Add(name);
            }

            /// <summary>Adds (or replaces) a child module under name.</summary>
            public void register_module(string name, Module? module)
            {
                CheckName(name, modules_);
                if (ReferenceEquals(module, this)) throw new ArgumentException($"A module cannot be its own child ('{name}').");
                modules_[name] = module;
            }

            /// <summary>PyTorch's rules: a name is non-empty, has no '.', and is used by one kind of member only.</summary>
            void CheckName<T>(string name, OrderedDictionary<string, T> own)
            {
                if (string.IsNullOrEmpty(name)) throw new ArgumentException($"{GetName()}: a member name cannot be empty.");
                if (name.Contains('.')) throw new ArgumentException($"{GetName()}: member name \"{name}\" cannot contain \".\".");
                var taken = (!ReferenceEquals(own, parameters_) && parameters_.ContainsKey(name))
                         || (!ReferenceEquals(own, buffers_) && buffers_.ContainsKey(name))
                         || (!ReferenceEquals(own, modules_) && modules_.ContainsKey(name));
                if (taken) throw new ArgumentException($"{GetName()}: \"{name}\" is already registered as another kind of member.");
            }

            /// <summary>The parameter registered under name on this module (not children), or null.</summary>
            protected Parameter? GetParameter(string name) => parameters_.TryGetValue(name, out var p) ? p : null;
            /// <summary>The buffer registered under name on this module, or null.</summary>
            protected Tensor? GetBuffer(string name) => buffers_.TryGetValue(name, out var b) ? b : null;
            /// <summary>The child registered under name on this module, or null.</summary>
            protected Module? GetModule(string name) => modules_.TryGetValue(name, out var m) ? m : null;

            /// <summary>Sets training mode here and in every descendant (dropout, batch norm obey it).</summary>
            public virtual Module train(bool mode = true)
            {
                training = mode;
                foreach (var child in children()) child.train(mode);
                return this;
            }

            /// <summary>Same as train(false).</summary>
            public Module eval() => train(false);

            /// <summary>Clears the gradients of all parameters: drops them (default, as PyTorch 2) or zeroes them.</summary>
            public void zero_grad(bool set_to_none = true)
            {
                foreach (var p in parameters())
                    p.zero_grad(set_to_none);
            }

            /// <summary>Turns gradient tracking of every parameter on or off (freezing an encoder).</summary>
            public Module requires_grad_(bool requires_grad = true)
            {
                foreach (var p in parameters()) p.requires_grad = requires_grad;
                return this;
            }

            /// <summary>Frees the native memory of every parameter and buffer, here and in descendants.</summary>
            public void Dispose()
            {
                Dispose(true);
                GC.SuppressFinalize(this);
            }

            protected virtual void Dispose(bool disposing)
            {
                if (disposed || !disposing) return;
                disposed = true;
                foreach (var child in modules_.Values) child?.Dispose();
                foreach (var p in parameters_.Values) p?.Dispose();
                foreach (var b in buffers_.Values) b?.Dispose();
            }
        }
    }
}
