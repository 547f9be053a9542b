namespace MedSsl.Kernel.Transport;

/// <summary>Socket roles the kernel uses: ROUTER for shell/control/stdin/heartbeat, PUB for iopub, PAIR for waking a poller.</summary>
public enum SocketKind { Router, Publisher, Pair }

/// <summary>
/// A message-oriented socket (ZeroMQ semantics: multipart messages, one owning thread at a time).
/// </summary>
public interface IMessageSocket : IDisposable
{
    /// <summary>One whole multipart message, or null when none is waiting. Never blocks.</summary>
    List<byte[]>? TryReceive();

    /// <summary>Sends the frames as one multipart message.</summary>
    void Send(IReadOnlyList<byte[]> frames);
}

/// <summary>
/// The kernel's view of ZeroMQ, small enough to back with libzmq (<see cref="ZmqTransport"/>) here and with
/// another library where libzmq is missing.
/// </summary>
public interface ITransport : IDisposable
{
    IMessageSocket Bind(SocketKind kind, string endpoint);

    IMessageSocket Connect(SocketKind kind, string endpoint);

    /// <summary>Waits up to timeoutMs (-1: forever) until a socket is readable; fills readable; false on timeout.
    /// Throws <see cref="TransportClosedException"/> once <see cref="Shutdown"/> was called.</summary>
    bool Poll(IReadOnlyList<IMessageSocket> sockets, int timeoutMs, bool[] readable);

    /// <summary>Sends every message received on the socket back to its sender (the heartbeat) until shutdown.</summary>
    void Echo(IMessageSocket socket);

    /// <summary>Unblocks every Poll and Echo with <see cref="TransportClosedException"/>.</summary>
    void Shutdown();
}

/// <summary>The transport was shut down while a call waited on it.</summary>
public sealed class TransportClosedException() : Exception("the transport was shut down");
