using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using MedSsl.Display;
using MedSsl.Kernel.Protocol;

namespace MedSsl.Kernel.Server;

/// <summary>
/// Console.In inside the kernel: Console.ReadLine() in a cell sends an input_request on stdin and waits for the
/// front end's input_reply (or an interrupt). Front ends that do not allow stdin get an exception, not a hang.
/// </summary>
public sealed partial class KernelServer
{
    readonly StdinReader stdinReader;

    /// <summary>Makes Console.In ask the front end; called once by the kernel's entry point.</summary>
    public void InstallConsoleInput() => Console.SetIn(TextReader.Synchronized(stdinReader));

    sealed class StdinReader(KernelServer server) : TextReader
    {
        readonly BlockingCollection<string> replies = new();
        volatile Message? request;
        bool allowed;
        string? pending; // the rest of a line read through Read()

        public void Begin(Message execute, bool allowStdin)
        {
            while (replies.TryTake(out _)) { }
            allowed = allowStdin;
            request = execute;
        }

        public void End() => request = null;

        public void OnReply(Message msg)
        {
            if (msg.Type == "input_reply") replies.Add((string?)msg.Content["value"] ?? "");
        }

        public override string? ReadLine()
        {
            if (pending is { } rest) { pending = null; return rest.TrimEnd('\n'); }
            if (request is not { } execute || !allowed)
                throw new InvalidOperationException("this front end does not accept input (allow_stdin is false)");
            server.Reply(execute, Channel.Stdin, "input_request", new JsonObject { ["prompt"] = "", ["password"] = false });
            return replies.Take(Notebook.CancellationToken);
        }

        public override int Read()
        {
            pending ??= ReadLine() is { } line ? line + "\n" : null;
            if (pending is null) return -1;
            var c = pending[0];
            pending = pending.Length > 1 ? pending[1..] : null;
            return c;
        }

        public override int Peek() => pending is { Length: > 0 } p ? p[0] : -1;
    }
}
