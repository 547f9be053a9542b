using System.Globalization;
using System.Text;

namespace MedSsl.Display;

/// <summary>
/// A progress bar for long loops (epochs, steps, evaluation), redrawn in place by the kernel:
/// <c>var bar = new Progress(steps, "pretrain"); display(bar); ... bar.Update(step + 1, ("loss", loss));</c>.
/// Redraws are throttled to one per <see cref="MinInterval"/> (plus the first and the last), so a fast
/// loop does not flood the front end.
/// </summary>
public sealed class Progress : IUpdatableDisplay
{
    const int TextBarWidth = 24;
    readonly object gate = new();
    readonly TimeProvider time;
    readonly long started;
    long lastPublished = long.MinValue;
    IReadOnlyList<(string Name, double Value)> metrics = Array.Empty<(string, double)>();

    /// <summary>total = 0 when unknown (then the count and rate show, without a bar).</summary>
    public Progress(long total = 0, string? description = null, TimeProvider? time = null)
    {
        if (total < 0) throw new ArgumentException($"total must be 0 (unknown) or positive; got {total}.");
        (Total, Description) = (total, description);
        this.time = time ?? TimeProvider.System;
        started = this.time.GetTimestamp();
    }

    public string DisplayId { get; } = "medssl-progress-" + Guid.NewGuid().ToString("N");
    public string? Description { get; set; }
    public long Step { get; private set; }
    public long Total { get; private set; }
    public bool Finished { get; private set; }
    public TimeSpan MinInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The latest metrics, in the order given.</summary>
    public IReadOnlyList<(string Name, double Value)> Metrics { get { lock (gate) return metrics; } }

    /// <summary>Raised with each published bundle (after <see cref="DisplayUpdates.Sink"/>).</summary>
    public event Action<Progress, IReadOnlyDictionary<string, string>>? Updated;

    /// <summary>Records progress: step done out of total (null keeps the total), with the latest metrics.</summary>
    public void Update(long step, long? total = null, IReadOnlyDictionary<string, double>? metrics = null) =>
        Set(step, total, metrics?.Select(kv => (kv.Key, kv.Value)).ToList());

    /// <summary><c>bar.Update(step, ("loss", loss), ("lr", lr))</c>.</summary>
    public void Update(long step, params (string Name, double Value)[] metrics) => Set(step, null, metrics);

    /// <summary><c>bar.Update(step, total, ("loss", loss))</c>: also sets the total.</summary>
    public void Update(long step, long total, params (string Name, double Value)[] metrics) => Set(step, total, metrics);

    /// <summary>Marks the loop done and publishes the final state.</summary>
    public void Close()
    {
        lock (gate) Finished = true;
        Publish();
    }

    void Set(long step, long? total, IReadOnlyList<(string, double)>? values)
    {
        if (step < 0) throw new ArgumentException($"step must be non-negative; got {step}.");
        if (total is < 0) throw new ArgumentException($"total must be 0 (unknown) or positive; got {total}.");
        bool due;
        lock (gate)
        {
            Step = step;
            if (total is { } t) Total = t;
            if (values is { Count: > 0 }) metrics = values.ToList();
            var now = time.GetTimestamp();
            due = lastPublished == long.MinValue || (Total > 0 && Step >= Total)
                  || time.GetElapsedTime(lastPublished, now) >= MinInterval;
            if (due) lastPublished = now;
        }
        if (due) Publish();
    }

    void Publish()
    {
        var bundle = ToMimeBundle();
        DisplayUpdates.Sink?.Invoke(DisplayId, bundle);
        Updated?.Invoke(this, bundle);
    }

    public IReadOnlyDictionary<string, string> ToMimeBundle() => new Dictionary<string, string>
    {
        ["text/plain"] = ToString(),
        ["text/html"] = ToHtml(),
    };

    /// <summary>"pretrain  45/100 [##########··············]  45% 12.3 it/s 00:04&lt;00:05 loss=0.8123".</summary>
    public override string ToString()
    {
        var (step, total, m, elapsed) = Snapshot();
        var sb = new StringBuilder();
        if (Description != null) sb.Append(Description).Append("  ");
        sb.Append(Count(step, total));
        if (total > 0)
        {
            int filled = (int)(TextBarWidth * Fraction(step, total));
            sb.Append(" [").Append('#', filled).Append('·', TextBarWidth - filled).Append(']')
              .Append(string.Create(CultureInfo.InvariantCulture, $" {Fraction(step, total),4:0%}"));
        }
        sb.Append(' ').Append(Timing(step, total, elapsed));
        foreach (var (name, value) in m) sb.Append(' ').Append(name).Append('=').Append(Number(value));
        return sb.ToString();
    }

    public string ToHtml()
    {
        var (step, total, m, elapsed) = Snapshot();
        var sb = new StringBuilder("<div class=\"medssl-progress\" style=\"font-family:monospace;white-space:nowrap\">");
        if (Description != null) sb.Append($"<span>{Html.Escape(Description)}</span> ");
        if (total > 0)
            sb.Append(string.Create(CultureInfo.InvariantCulture,
                $"<progress value=\"{Math.Min(step, total)}\" max=\"{total}\" style=\"width:30%;vertical-align:middle\"></progress> {Fraction(step, total):0%} "));
        sb.Append(Html.Escape($"{Count(step, total)} · {Timing(step, total, elapsed)}"));
        foreach (var (name, value) in m) sb.Append(" · ").Append(Html.Escape($"{name} {Number(value)}"));
        return sb.Append("</div>").ToString();
    }

    (long Step, long Total, IReadOnlyList<(string, double)> Metrics, TimeSpan Elapsed) Snapshot()
    {
        lock (gate) return (Step, Total, metrics, time.GetElapsedTime(started));
    }

    static double Fraction(long step, long total) => Math.Clamp((double)step / total, 0, 1);

    static string Count(long step, long total) => total > 0 ? $"{step.ToString().PadLeft(total.ToString().Length)}/{total}" : $"{step}";

    // "12.3 it/s 00:04<00:05" like tqdm: elapsed < remaining at the current rate.
    string Timing(long step, long total, TimeSpan elapsed)
    {
        var rate = elapsed.TotalSeconds > 0 ? step / elapsed.TotalSeconds : 0;
        var speed = rate >= 1 || rate == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{rate:0.0} it/s")
            : string.Create(CultureInfo.InvariantCulture, $"{1 / rate:0.0} s/it");
        var text = $"{speed} {Clock(elapsed)}";
        if (total > 0 && !Finished && rate > 0 && step < total) text += $"<{Clock(TimeSpan.FromSeconds((total - step) / rate))}";
        return text;
    }

    static string Clock(TimeSpan t) =>
        t.TotalHours >= 1 ? $"{(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}" : $"{t.Minutes:00}:{t.Seconds:00}";

    static string Number(double v) => v.ToString(Math.Abs(v) is > 0 and < 1e-3 or >= 1e5 ? "0.00e+0" : "0.####", CultureInfo.InvariantCulture);
}
