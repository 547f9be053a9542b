using System.Collections.Concurrent;
using System.Runtime;

namespace MedSsl.Kernel.Engine;

/// <summary>
/// Runs a cell so an interrupt can stop it: async continuations come back to the calling thread (a one-thread
/// SynchronizationContext) and the whole run sits inside ControlledExecution.Run, which aborts code that never
/// looks at a cancellation token (a tight loop) when the hard token fires; <see cref="Thread.Interrupt"/> wakes
/// one blocked in Sleep or Wait, which an abort alone cannot. Code the cell moved to the thread pool on purpose
/// cannot be stopped.
/// </summary>
internal static class CellThread
{
    static readonly Lazy<bool> abortSupported = new(() =>
    {
        try
        {
#pragma warning disable SYSLIB0046 // the documented risk (state corruption) is why the kernel tries a cooperative stop first
            // With CancellationToken.None, Run never returns on .NET 10: always hand it a real token.
            using var probe = new CancellationTokenSource();
            ControlledExecution.Run(() => { }, probe.Token);
#pragma warning restore SYSLIB0046
            return true;
        }
        catch (PlatformNotSupportedException) { return false; }
    });

    /// <summary>Runs start() and pumps its continuations here until its task ends; returns its result.
    /// Throws OperationCanceledException when aborted by hard or when soft fires while waiting.
    /// hard must be cancellable; cancel it with <see cref="Abort"/>.</summary>
    public static T Run<T>(Func<Task<T>> start, CancellationToken soft, CancellationToken hard)
    {
        T result = default!;
        void Pump()
        {
            var previous = SynchronizationContext.Current;
            var context = new PumpContext();
            SynchronizationContext.SetSynchronizationContext(context);
            try
            {
                var task = start();
                task.ContinueWith(_ => context.Complete(), TaskScheduler.Default);
                context.RunUntilComplete(soft);
                result = task.GetAwaiter().GetResult();
            }
            finally { SynchronizationContext.SetSynchronizationContext(previous); }
        }
#pragma warning disable SYSLIB0046
        if (abortSupported.Value) ControlledExecution.Run(Pump, hard);
#pragma warning restore SYSLIB0046
        else Pump();
        return result;
    }

    /// <summary>Stops thread, which runs <see cref="Run{T}"/> with hard: the abort (cancelling hard blocks until the
    /// thread reaches a safe point, so it happens on the pool) and an interrupt for a thread that waits.</summary>
    public static void Abort(Thread thread, CancellationTokenSource hard)
    {
        ThreadPool.QueueUserWorkItem(_ =>
        {
            try { hard.Cancel(); }
            catch (ObjectDisposedException) { }
        });
        thread.Interrupt();
    }

    /// <summary>Clears an interrupt that arrived after the cell ended, so the thread's next wait does not throw.</summary>
    public static void ClearInterrupt()
    {
        try { Thread.Sleep(0); }
        catch (ThreadInterruptedException) { }
    }

    sealed class PumpContext : SynchronizationContext
    {
        readonly BlockingCollection<(SendOrPostCallback callback, object? state)> queue = new();

        public override void Post(SendOrPostCallback d, object? state)
        {
            // After the cell ended, stray continuations run on the pool rather than vanish.
            try { if (queue.TryAdd((d, state))) return; }
            catch (InvalidOperationException) { }
            ThreadPool.QueueUserWorkItem(_ => d(state));
        }

        public override void Send(SendOrPostCallback d, object? state) => d(state);

        public override SynchronizationContext CreateCopy() => this;

        public void Complete() => queue.CompleteAdding();

        public void RunUntilComplete(CancellationToken soft)
        {
            foreach (var (callback, state) in queue.GetConsumingEnumerable(soft)) callback(state);
        }
    }
}
