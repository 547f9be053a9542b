using System.Diagnostics;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using MedSsl.Kernel.Engine;
using MedSsl.Kernel.Protocol;
using MedSsl.Kernel.Transport;

namespace MedSsl.Kernel.Server;

/// <summary>
/// The kernel's sockets and threads. Each socket has one owner: the shell thread (shell, stdin, iopub — it
/// sends everything other threads queue in the outbox), the control thread (control) and the heartbeat thread
/// (echo). Requests run one at a time on the execution thread, wrapped in busy/idle; interrupt and shutdown
/// are answered at once on either channel so they never wait behind a running cell.
/// </summary>
public sealed partial class KernelServer
{
    internal enum Channel { Shell, Control, Stdin, Iopub }

    readonly ConnectionInfo info;
    readonly ITransport transport;
    readonly WireCodec codec;
    readonly ScriptSession session;
    readonly TextWriter log;
    readonly History history = new();
    readonly ConcurrentQueue<(Channel channel, List<byte[]> frames)> outbox = new();
    // Shell requests with the moment they arrived (Stopwatch ticks), so an error aborts only what was queued before it.
    readonly BlockingCollection<(Message msg, long arrived)> work = new();
    readonly object wakeGate = new();
    IMessageSocket shell = null!, control = null!, stdin = null!, iopub = null!, heartbeat = null!, wakeIn = null!, wakeOut = null!;
    int wakePending;
    volatile bool stopping;

    public KernelServer(ConnectionInfo info, ITransport transport, ScriptSession session, TextWriter log)
    {
        this.info = info;
        this.transport = transport;
        this.session = session;
        this.log = log;
        codec = new WireCodec(info.Key);
        stdinReader = new StdinReader(this);
    }

    /// <summary>Serves until a shutdown_request; returns the process exit code.</summary>
    public int Run()
    {
        shell = transport.Bind(SocketKind.Router, info.Endpoint(info.ShellPort));
        control = transport.Bind(SocketKind.Router, info.Endpoint(info.ControlPort));
        stdin = transport.Bind(SocketKind.Router, info.Endpoint(info.StdinPort));
        iopub = transport.Bind(SocketKind.Publisher, info.Endpoint(info.IopubPort));
        heartbeat = transport.Bind(SocketKind.Router, info.Endpoint(info.HbPort));
        var wake = $"inproc://wake-{Guid.NewGuid():N}";
        wakeIn = transport.Bind(SocketKind.Pair, wake);
        wakeOut = transport.Connect(SocketKind.Pair, wake);
        Log($"listening on {info.Endpoint(info.ShellPort)} (shell), session {codec.Session}");

        var threads = new[]
        {
            Start("heartbeat", () => transport.Echo(heartbeat)),
            Start("control", ControlLoop),
        };
        Start("execution", ExecutionLoop, stackMb: 16);
        ShellLoop();
        transport.Shutdown();
        foreach (var t in threads) t.Join(TimeSpan.FromSeconds(2));
        Log("shut down");
        return 0;
    }

    Thread Start(string name, Action body, int stackMb = 0)
    {
        var thread = new Thread(() =>
        {
            try { body(); }
            catch (TransportClosedException) { }
            catch (Exception e) { Log($"{name} thread failed: {e}"); }
        }, stackMb << 20) { Name = "kernel-" + name, IsBackground = true };
        thread.Start();
        return thread;
    }

    void ShellLoop()
    {
        IMessageSocket[] polled = [shell, stdin, wakeIn];
        var ready = new bool[polled.Length];
        while (true)
        {
            try { transport.Poll(polled, -1, ready); }
            catch (TransportClosedException) { return; }
            if (ready[2])
            {
                while (wakeIn.TryReceive() is not null) { }
                Interlocked.Exchange(ref wakePending, 0);
            }
            if (ready[0])
                while (shell.TryReceive() is { } frames) OnShell(frames);
            if (ready[1])
                while (stdin.TryReceive() is { } frames)
                    if (Decode(frames, "stdin") is { } msg) stdinReader.OnReply(msg);
            while (outbox.TryDequeue(out var item))
                (item.channel switch { Channel.Shell => shell, Channel.Stdin => stdin, _ => iopub }).Send(item.frames);
            if (stopping && outbox.IsEmpty) return;
        }
    }

    void OnShell(List<byte[]> frames)
    {
        if (Decode(frames, "shell") is not { } msg) return;
        switch (msg.Type)
        {
            case "interrupt_request": Interrupt(msg, Channel.Shell); break;
            case "shutdown_request": Shutdown(msg, Channel.Shell); break;
            case "kernel_info_request" or "comm_info_request": WithStatus(msg, () => Handle(msg, Channel.Shell)); break;
            default: work.Add((msg, Stopwatch.GetTimestamp())); break;
        }
    }

    void ControlLoop()
    {
        IMessageSocket[] polled = [control];
        var ready = new bool[1];
        while (!stopping)
        {
            if (!transport.Poll(polled, -1, ready)) continue;
            while (control.TryReceive() is { } frames)
            {
                if (Decode(frames, "control") is not { } msg) continue;
                switch (msg.Type)
                {
                    case "interrupt_request": Interrupt(msg, Channel.Control); break;
                    case "shutdown_request": Shutdown(msg, Channel.Control); break;
                    case "kernel_info_request" or "comm_info_request": WithStatus(msg, () => Handle(msg, Channel.Control)); break;
                    default: Log($"ignored {msg.Type} on control"); break; // e.g. debug_request: no debugger
                }
            }
        }
    }

    void ExecutionLoop()
    {
        try { session.WarmUp(); }
        catch (Exception e) { Log($"warm-up failed (the first cell will report it): {e.Message}"); }
        // "Run all" stops at the first error: execute requests that arrived before the failing cell was answered
        // are aborted (ipykernel's _abort_queues); one sent after it (reply and idle status out) is new work.
        long abortBefore = 0;
        foreach (var (msg, arrived) in work.GetConsumingEnumerable())
        {
            if (arrived < abortBefore && msg.Type == "execute_request")
            {
                WithStatus(msg, () => Reply(msg, Channel.Shell, "execute_reply", new JsonObject { ["status"] = "aborted" }));
                continue;
            }
            var failed = false;
            WithStatus(msg, () => failed = Handle(msg, Channel.Shell));
            if (failed) abortBefore = Stopwatch.GetTimestamp();
        }
    }

    /// <summary>A message from the wire, or null (logged) when it is malformed or badly signed.</summary>
    Message? Decode(List<byte[]> frames, string channel)
    {
        try { return codec.Decode(frames); }
        catch (InvalidSignatureException) { Log($"ignored a message on {channel} with an invalid signature"); }
        catch (InvalidDataException e) { Log($"ignored a malformed message on {channel}: {e.Message}"); }
        return null;
    }

    void WithStatus(Message msg, Action handle)
    {
        Publish(msg, "status", new JsonObject { ["execution_state"] = "busy" });
        try { handle(); }
        catch (Exception e) { Log($"{msg.Type} failed: {e}"); }
        finally { Publish(msg, "status", new JsonObject { ["execution_state"] = "idle" }); }
    }

    void Interrupt(Message msg, Channel channel)
    {
        var running = session.Interrupt();
        Log(running ? "interrupting the running cell" : "interrupt: nothing is running");
        Reply(msg, channel, "interrupt_reply", new JsonObject { ["status"] = "ok" });
    }

    void Shutdown(Message msg, Channel channel)
    {
        var restart = (bool?)msg.Content["restart"] ?? false;
        WithStatus(msg, () => Reply(msg, channel, "shutdown_reply", new JsonObject { ["status"] = "ok", ["restart"] = restart }));
        session.Interrupt();
        stopping = true;
        Wake();
    }

    internal void Reply(Message request, Channel channel, string type, JsonObject content)
    {
        var frames = codec.Encode(type, content, request, request.Identities);
        if (channel == Channel.Control) control.Send(frames); // only ever called on the control thread
        else Enqueue(channel, frames);
    }

    internal void Publish(Message? parent, string type, JsonObject content) =>
        Enqueue(Channel.Iopub, codec.Encode(type, content, parent, [Encoding.ASCII.GetBytes("kernel." + type)]));

    void Enqueue(Channel channel, List<byte[]> frames)
    {
        outbox.Enqueue((channel, frames));
        Wake();
    }

    void Wake()
    {
        if (Interlocked.Exchange(ref wakePending, 1) != 0) return;
        try { lock (wakeGate) wakeOut.Send([[]]); }
        catch (TransportClosedException) { }
    }

    internal void Log(string text) => log.WriteLine($"[medssl-kernel {DateTime.Now:HH:mm:ss.fff}] {text}");
}
