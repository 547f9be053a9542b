using System.Runtime.ExceptionServices;
using MedSsl.Torch;

namespace MedSsl.Data.Loading;

/// <summary>
/// One epoch in flight: workers claim batch indices in order, build them, and park them until the
/// consumer takes them in index order (so thread timing never changes the sequence). A semaphore of
/// `prefetch` slots bounds what is built ahead. A failed batch is delivered as its exception, in its turn.
/// </summary>
internal sealed class EpochRun : IDisposable
{
    readonly BatchBuilder builder;
    readonly IReadOnlyList<BatchPlan> plans;
    readonly CancellationTokenSource stop;
    readonly CancellationToken caller;
    readonly SemaphoreSlim slots;
    readonly Dictionary<int, (LoaderBatch? Batch, Exception? Error)> ready = new();
    readonly object gate = new();
    readonly Thread[] threads;
    readonly Generator? inline;  // Workers == 0: the consumer builds batches itself
    Exception? fatal;
    int claimed = -1;
    bool disposed;

    public EpochRun(BatchBuilder builder, IReadOnlyList<BatchPlan> plans, int workers, int prefetch, CancellationToken caller)
    {
        this.builder = builder;
        this.plans = plans;
        this.caller = caller;
        stop = CancellationTokenSource.CreateLinkedTokenSource(caller);
        // Waiters on `gate` wake when the run is stopped from any thread.
        stop.Token.Register(() => { lock (gate) Monitor.PulseAll(gate); });
        slots = new SemaphoreSlim(prefetch);
        if (workers == 0) inline = new Generator();
        threads = Enumerable.Range(0, Math.Min(workers, plans.Count)).Select(i => new Thread(Work)
        {
            IsBackground = true,
            Name = $"medssl-loader-{i}",
        }).ToArray();
        foreach (var t in threads) t.Start();
    }

    /// <summary>Batch b (taken in order 0, 1, 2, ...): waits for it, or rethrows the error that built it.</summary>
    public LoaderBatch Take(int b)
    {
        caller.ThrowIfCancellationRequested();  // even when the batch is already waiting
        if (inline is not null) return builder.Build(plans[b], inline, caller);
        (LoaderBatch? Batch, Exception? Error) item;
        lock (gate)
        {
            while (!ready.Remove(b, out item))
            {
                caller.ThrowIfCancellationRequested();
                if (fatal is not null) ExceptionDispatchInfo.Throw(fatal);
                if (stop.IsCancellationRequested) throw new ObjectDisposedException(nameof(ImageLoader), "The loader was disposed.");
                Monitor.Wait(gate);
            }
        }
        slots.Release();
        if (item.Error is not null)
        {
            stop.Cancel();  // no point building further batches
            ExceptionDispatchInfo.Throw(item.Error);
        }
        return item.Batch!;
    }

    void Work()
    {
        var token = stop.Token;
        try
        {
            torch.set_num_threads_this_thread(1);  // parallelism comes from the workers themselves
            using var generator = new Generator();
            while (true)
            {
                slots.Wait(token);
                int b = Interlocked.Increment(ref claimed);
                if (b >= plans.Count) return;
                (LoaderBatch?, Exception?) item;
                try
                {
                    item = (builder.Build(plans[b], generator, token), null);
                }
                catch (Exception e) when (e is not OperationCanceledException || !token.IsCancellationRequested)
                {
                    item = (null, e);  // delivered to the consumer at batch b's turn
                }
                lock (gate)
                {
                    ready[b] = item;
                    Monitor.PulseAll(gate);
                }
                if (item.Item2 is not null) return;
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            // Outside any batch (thread set-up): fail the run rather than the process, and wake the consumer.
            lock (gate)
            {
                fatal ??= e;
                Monitor.PulseAll(gate);
            }
        }
    }

    /// <summary>Stops the workers and waits for them (each finishes at most the element it is on), then
    /// frees the batches nobody took. Safe to call from several threads.</summary>
    public void Dispose()
    {
        lock (threads)
        {
            if (disposed) return;
            disposed = true;
            stop.Cancel();
            foreach (var t in threads) t.Join();
            lock (gate)
            {
                foreach (var item in ready.Values) item.Batch?.Dispose();
                ready.Clear();
            }
            inline?.Dispose();
            // slots and stop stay undisposed: a consumer waking in Take may still touch them.
        }
    }
}
