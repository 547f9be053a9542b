namespace MedSsl.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>
        /// A module with a typed forward. Call it with <see cref="call"/>, which runs forward between the
        /// registered hooks (the place to capture features or tweak inputs without editing the model).
        /// </summary>
        public abstract class Module<TIn, TOut> : Module
        {
            readonly List<Func<Module<TIn, TOut>, TIn, TIn>> preHooks = new();
            readonly List<Func<Module<TIn, TOut>, TIn, TOut, TOut>> hooks = new();

            public abstract TOut forward(TIn input);

            /// <summary>Pre-hooks (may replace the input), forward, then forward hooks (may replace the output).</summary>
            public TOut call(TIn input)
            {
                foreach (var h in preHooks.ToArray()) input = h(this, input);
                var output = forward(input);
                foreach (var h in hooks.ToArray()) output = h(this, input, output);
                return output;
            }

            /// <summary>Runs before forward; returns the input to use. Dispose the handle to remove it.</summary>
            public IDisposable register_forward_pre_hook(Func<Module<TIn, TOut>, TIn, TIn> hook) => Add(preHooks, hook);

            /// <summary>Runs after forward; returns the output to hand back. Dispose the handle to remove it.</summary>
            public IDisposable register_forward_hook(Func<Module<TIn, TOut>, TIn, TOut, TOut> hook) => Add(hooks, hook);

            static IDisposable Add<T>(List<T> list, T hook)
            {
                list.Add(hook);
                return new HookHandle(() => list.Remove(hook));
            }

            sealed class HookHandle(Action remove) : IDisposable
            {
                Action? remove = remove;
                public void Dispose()
                {
                    remove?.Invoke();
                    remove = null;
                }
            }
        }

        /// <summary>A module with two inputs (e.g. a loss: input, target).</summary>
        public abstract class Module<T1, T2, TOut> : Module
        {
            public abstract TOut forward(T1 input1, T2 input2);
            public TOut call(T1 input1, T2 input2) => forward(input1, input2);
        }
    }
}
