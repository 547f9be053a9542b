using System.Text;

namespace MedSsl.Kernel.Engine;

/// <summary>
/// Routes Console.Out and Console.Error to the running cell's sink as "stream" outputs, batched so a loop
/// printing every step sends a message per ~50 ms, not per line. Everything else the cell emits goes through
/// <see cref="Emit"/>, which flushes pending text first so outputs keep their order. Writes from background
/// threads after the cell ended still reach that cell's sink.
/// </summary>
internal sealed class OutputCapture : IDisposable
{
    static readonly object installGate = new();
    static TextWriter? originalOut, originalError;
    static volatile OutputCapture? current;

    readonly ICellSink sink;
    readonly object gate = new();
    readonly StringBuilder stdout = new(), stderr = new();
    readonly Timer timer;
    bool ended;
    const int FlushMs = 50, FlushChars = 32 * 1024;

    OutputCapture(ICellSink sink)
    {
        this.sink = sink;
        timer = new Timer(_ => Flush(), null, FlushMs, FlushMs);
    }

    /// <summary>Starts capturing into sink until the returned capture is disposed.</summary>
    public static OutputCapture Begin(ICellSink sink)
    {
        Install();
        var capture = new OutputCapture(sink);
        current = capture;
        return capture;
    }

    /// <summary>Swaps Console.Out/Error for the routing writers once per process.</summary>
    static void Install()
    {
        lock (installGate)
        {
            if (originalOut is not null) return;
            originalOut = Console.Out;
            originalError = Console.Error;
            Console.SetOut(TextWriter.Synchronized(new RoutingWriter("stdout")));
            Console.SetError(TextWriter.Synchronized(new RoutingWriter("stderr")));
        }
    }

    /// <summary>Runs an output action after the pending stream text, under the capture's lock.</summary>
    public void Emit(Action<ICellSink> output)
    {
        lock (gate)
        {
            FlushLocked();
            output(sink);
        }
    }

    public void Flush()
    {
        lock (gate) FlushLocked();
    }

    void Write(string name, string text)
    {
        lock (gate)
        {
            var buffer = name == "stdout" ? stdout : stderr;
            // Keep stdout/stderr interleaving: switching streams sends what the other one holds.
            if ((name == "stdout" ? stderr : stdout).Length > 0) FlushLocked();
            buffer.Append(text);
            if (buffer.Length >= FlushChars || ended) FlushLocked();
        }
    }

    void FlushLocked()
    {
        foreach (var (name, buffer) in new[] { ("stdout", stdout), ("stderr", stderr) })
        {
            if (buffer.Length == 0) continue;
            var text = buffer.ToString();
            buffer.Clear();
            sink.Stream(name, text);
        }
    }

    /// <summary>Stops the timer and sends what is pending; later writes from stray threads still arrive.</summary>
    public void Dispose()
    {
        timer.Dispose();
        lock (gate)
        {
            ended = true;
            FlushLocked();
        }
    }

    /// <summary>Sends console output to the real console again (the runner, when it is done).</summary>
    public static void Detach() => current = null;

    sealed class RoutingWriter(string name) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => Write(value.ToString());

        public override void Write(string? value)
        {
            if (string.IsNullOrEmpty(value)) return;
            if (current is { } c) c.Write(name, value);
            else (name == "stdout" ? originalOut! : originalError!).Write(value);
        }

        public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

        public override void WriteLine(string? value) => Write(value + Environment.NewLine);
    }
}
