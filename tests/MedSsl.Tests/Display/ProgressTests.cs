using MedSsl.Display;

namespace MedSsl.Tests;

[Collection(DisplayGlobals.Name)]
public class ProgressTests
{
    sealed class ManualTime : TimeProvider
    {
        public long Ticks;
        public override long TimestampFrequency => TimeSpan.TicksPerSecond;
        public override long GetTimestamp() => Ticks;
        public void Advance(double seconds) => Ticks += (long)(seconds * TimeSpan.TicksPerSecond);
    }

    [Fact]
    public void Updates_are_throttled_but_the_first_and_last_always_publish()
    {
        var clock = new ManualTime();
        var bar = new Progress(100, "pretrain", clock);
        var seen = new List<long>();
        bar.Updated += (p, _) => seen.Add(p.Step);
        for (int step = 1; step <= 100; step++)
        {
            clock.Advance(0.01);
            bar.Update(step, ("loss", 1.0 / step));
        }
        // 1 (first), then every 0.2 s = 20 steps, then 100 (last).
        Assert.Equal(new long[] { 1, 21, 41, 61, 81, 100 }, seen);
    }

    [Fact]
    public void The_text_shows_count_bar_rate_eta_and_metrics()
    {
        var clock = new ManualTime();
        var bar = new Progress(100, "pretrain", clock);
        clock.Advance(4);
        bar.Update(40, ("loss", 0.81234), ("lr", 3e-4));
        Assert.Equal("pretrain   40/100 [#########···············]  40% 10.0 it/s 00:04<00:06 loss=0.8123 lr=3.00e-4", bar.ToString());
        var html = bar.ToHtml();
        Assert.Contains("<progress value=\"40\" max=\"100\"", html);
        Assert.Contains("loss 0.8123", html);
        bar.Close();
        Assert.DoesNotContain("<", bar.ToString().Split("it/s")[1]);  // no ETA once finished
    }

    [Fact]
    public void The_kernel_sink_gets_the_display_id_and_each_published_bundle()
    {
        var got = new List<(string Id, IReadOnlyDictionary<string, string> Bundle)>();
        DisplayUpdates.Sink = (id, bundle) => got.Add((id, bundle));
        try
        {
            var bar = new Progress(description: "<eval>") { MinInterval = TimeSpan.Zero };
            bar.Update(3, total: 10);
            bar.Update(7);
            bar.Update(8, 20, ("acc", 0.5));
            Assert.Equal(3, got.Count);
            Assert.Contains(" 8/20 ", got[2].Bundle["text/plain"]);
            Assert.EndsWith("acc=0.5", got[2].Bundle["text/plain"]);
            Assert.All(got, g => Assert.Equal(bar.DisplayId, g.Id));
            Assert.StartsWith("&lt;eval&gt;", got[1].Bundle["text/html"].Split('>', 2)[1].Split("<span>")[1]);
            Assert.Contains(" 7/10 ", got[1].Bundle["text/plain"]);
            Assert.IsAssignableFrom<IUpdatableDisplay>(bar);
        }
        finally { DisplayUpdates.Sink = null; }
    }

    [Fact]
    public void Unknown_totals_show_a_count_and_bad_steps_are_refused()
    {
        var bar = new Progress(time: new ManualTime());
        bar.Update(5);
        Assert.StartsWith("5 ", bar.ToString());
        Assert.DoesNotContain("<progress", bar.ToHtml());
        Assert.Throws<ArgumentException>(() => bar.Update(-1));
        Assert.Throws<ArgumentException>(() => new Progress(-3));
    }
}
