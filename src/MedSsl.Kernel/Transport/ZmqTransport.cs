using System.Runtime.InteropServices;
using static MedSsl.Kernel.Transport.ZmqNative;

namespace MedSsl.Kernel.Transport;

/// <summary><see cref="ITransport"/> over libzmq through P/Invoke (one context per kernel).</summary>
public sealed unsafe class ZmqTransport : ITransport
{
    readonly ZmqContextHandle context = new();
    readonly List<ZmqSocket> sockets = new();

    public ZmqTransport()
    {
        if (context.IsInvalid) throw new InvalidOperationException("zmq_ctx_new failed: " + LastError(out _));
    }

    /// <summary>"4.3.4".</summary>
    public static string Version
    {
        get { zmq_version(out var a, out var b, out var c); return $"{a}.{b}.{c}"; }
    }

    public IMessageSocket Bind(SocketKind kind, string endpoint) => Open(kind, endpoint, bind: true);

    public IMessageSocket Connect(SocketKind kind, string endpoint) => Open(kind, endpoint, bind: false);

    IMessageSocket Open(SocketKind kind, string endpoint, bool bind)
    {
        var type = kind switch { SocketKind.Router => ROUTER, SocketKind.Publisher => PUB, _ => PAIR };
        var raw = zmq_socket(context.DangerousGetHandle(), type);
        if (raw == IntPtr.Zero) throw new IOException($"zmq_socket failed: {LastError(out _)}");
        var socket = new ZmqSocket(new ZmqSocketHandle(raw));
        // Replies and the last status must still leave during shutdown, but never hold the exit for long.
        socket.SetOption(LINGER, 1000);
        if (kind == SocketKind.Router) socket.SetOption(ROUTER_HANDOVER, 1); // a reconnecting front end keeps its identity
        var rc = bind ? zmq_bind(raw, endpoint) : zmq_connect(raw, endpoint);
        if (rc != 0)
        {
            var error = LastError(out _);
            socket.Dispose();
            throw new IOException($"cannot {(bind ? "bind" : "connect")} {endpoint}: {error}");
        }
        lock (sockets) sockets.Add(socket);
        return socket;
    }

    public bool Poll(IReadOnlyList<IMessageSocket> polled, int timeoutMs, bool[] readable)
    {
        int n = polled.Count, rc;
        if (OperatingSystem.IsWindows())
        {
            var items = stackalloc PollItem[n];
            for (int i = 0; i < n; i++) items[i] = new PollItem { Socket = Raw(polled[i]), Events = POLLIN };
            rc = zmq_poll(items, n, timeoutMs);
            for (int i = 0; i < n; i++) readable[i] = rc > 0 && (items[i].Revents & POLLIN) != 0;
        }
        else
        {
            var items = stackalloc PollItemUnix[n];
            for (int i = 0; i < n; i++) items[i] = new PollItemUnix { Socket = Raw(polled[i]), Events = POLLIN };
            rc = zmq_poll(items, n, timeoutMs);
            for (int i = 0; i < n; i++) readable[i] = rc > 0 && (items[i].Revents & POLLIN) != 0;
        }
        if (rc >= 0) return rc > 0;
        var error = LastError(out var errno);
        if (errno == EINTR) return false; // a signal (SIGINT) woke the poll: the caller loops
        if (errno == ETERM) throw new TransportClosedException();
        throw new IOException("zmq_poll failed: " + error);
    }

    public void Echo(IMessageSocket socket)
    {
        var raw = Raw(socket);
        while (true)
        {
            zmq_proxy(raw, raw, IntPtr.Zero); // returns only on error
            var error = LastError(out var errno);
            if (errno == EINTR) continue;
            if (errno == ETERM) return;
            throw new IOException("heartbeat failed: " + error);
        }
    }

    public void Shutdown() => zmq_ctx_shutdown(context.DangerousGetHandle());

    public void Dispose()
    {
        Shutdown();
        lock (sockets) foreach (var s in sockets) s.Dispose();
        context.Dispose();
    }

    static IntPtr Raw(IMessageSocket s) => ((ZmqSocket)s).Handle.DangerousGetHandle();

    sealed class ZmqSocket(ZmqSocketHandle handle) : IMessageSocket
    {
        public ZmqSocketHandle Handle { get; } = handle;

        public void SetOption(int option, int value) => zmq_setsockopt(Handle.DangerousGetHandle(), option, &value, sizeof(int));

        public List<byte[]>? TryReceive()
        {
            var frames = new List<byte[]>();
            Msg msg;
            zmq_msg_init(&msg);
            try
            {
                while (true)
                {
                    // Only the first frame may be absent; the rest of a multipart message arrives atomically.
                    if (zmq_msg_recv(&msg, Handle.DangerousGetHandle(), frames.Count == 0 ? DONTWAIT : 0) < 0)
                    {
                        var error = LastError(out var errno);
                        if (errno == EINTR) continue;
                        if (errno == EAGAIN && frames.Count == 0) return null;
                        if (errno == ETERM) throw new TransportClosedException();
                        throw new IOException("zmq_msg_recv failed: " + error);
                    }
                    var frame = new byte[(int)zmq_msg_size(&msg)];
                    Marshal.Copy(zmq_msg_data(&msg), frame, 0, frame.Length);
                    frames.Add(frame);
                    if (zmq_msg_more(&msg) == 0) return frames;
                }
            }
            finally { zmq_msg_close(&msg); }
        }

        public void Send(IReadOnlyList<byte[]> frames)
        {
            for (int i = 0; i < frames.Count; i++)
            {
                var flags = i < frames.Count - 1 ? SNDMORE : 0;
                fixed (byte* p = frames[i])
                {
                    while (zmq_send(Handle.DangerousGetHandle(), p, (nuint)frames[i].Length, flags) < 0)
                    {
                        var error = LastError(out var errno);
                        if (errno == EINTR) continue;
                        if (errno == ETERM) throw new TransportClosedException();
                        throw new IOException("zmq_send failed: " + error);
                    }
                }
            }
        }

        public void Dispose() => Handle.Dispose();
    }
}
