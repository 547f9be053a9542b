using System.Reflection;
using System.Runtime.InteropServices;

namespace MedSsl.Kernel.Transport;

/// <summary>
/// The few libzmq 4.x calls the kernel needs (zmq.h). Debian's runtime package libzmq5 ships only
/// "libzmq.so.5" (the unversioned name comes with -dev), so the resolver tries the usual names per OS.
/// </summary>
internal static unsafe partial class ZmqNative
{
    const string Lib = "zmq";

    public const int PUB = 1, ROUTER = 6, PAIR = 0;
    public const int SNDMORE = 2, DONTWAIT = 1;
    public const int LINGER = 17, SNDHWM = 23, ROUTER_HANDOVER = 56;
    public const short POLLIN = 1;
    public const int EINTR = 4, EAGAIN = 11, ETERM = 156384765; // ETERM = ZMQ_HAUSNUMERO + 53

    static ZmqNative() => NativeLibrary.SetDllImportResolver(typeof(ZmqNative).Assembly, Resolve);

    static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? path)
    {
        if (name != Lib) return IntPtr.Zero;
        foreach (var candidate in new[] { "libzmq.so.5", "libzmq.so", "libzmq.5.dylib", "libzmq.dylib", "libzmq", "libzmq-v143-mt-4_3_5" })
            if (NativeLibrary.TryLoad(candidate, assembly, path, out var handle)) return handle;
        throw new DllNotFoundException("libzmq not found: install it (Debian: apt-get install libzmq5; macOS: brew install zeromq).");
    }

    /// <summary>zmq_msg_t: 64 opaque bytes, pointer-aligned.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 64)]
    public struct Msg { long a, b, c, d, e, f, g, h; }

    /// <summary>zmq_pollitem_t; fd is a SOCKET (pointer-sized) on Windows, an int elsewhere.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct PollItem { public IntPtr Socket; public IntPtr Fd; public short Events; public short Revents; }

    [StructLayout(LayoutKind.Sequential)]
    public struct PollItemUnix { public IntPtr Socket; public int Fd; public short Events; public short Revents; }

    [LibraryImport(Lib)] public static partial IntPtr zmq_ctx_new();
    [LibraryImport(Lib)] public static partial int zmq_ctx_shutdown(IntPtr ctx);
    [LibraryImport(Lib)] public static partial int zmq_ctx_term(IntPtr ctx);
    [LibraryImport(Lib)] public static partial IntPtr zmq_socket(IntPtr ctx, int type);
    [LibraryImport(Lib)] public static partial int zmq_close(IntPtr socket);
    [LibraryImport(Lib)] public static partial int zmq_setsockopt(IntPtr socket, int option, void* value, nuint size);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] public static partial int zmq_bind(IntPtr socket, string endpoint);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] public static partial int zmq_connect(IntPtr socket, string endpoint);
    [LibraryImport(Lib)] public static partial int zmq_send(IntPtr socket, byte* buffer, nuint length, int flags);
    [LibraryImport(Lib)] public static partial int zmq_msg_init(Msg* msg);
    [LibraryImport(Lib)] public static partial int zmq_msg_recv(Msg* msg, IntPtr socket, int flags);
    [LibraryImport(Lib)] public static partial IntPtr zmq_msg_data(Msg* msg);
    [LibraryImport(Lib)] public static partial nuint zmq_msg_size(Msg* msg);
    [LibraryImport(Lib)] public static partial int zmq_msg_more(Msg* msg);
    [LibraryImport(Lib)] public static partial int zmq_msg_close(Msg* msg);
    [LibraryImport(Lib)] public static partial int zmq_poll(void* items, int count, long timeoutMs);
    [LibraryImport(Lib)] public static partial int zmq_proxy(IntPtr frontend, IntPtr backend, IntPtr capture);
    [LibraryImport(Lib)] public static partial int zmq_errno();
    [LibraryImport(Lib)] public static partial IntPtr zmq_strerror(int errnum);
    [LibraryImport(Lib)] public static partial void zmq_version(out int major, out int minor, out int patch);

    public static string LastError(out int errno)
    {
        errno = zmq_errno();
        return Marshal.PtrToStringUTF8(zmq_strerror(errno)) ?? $"errno {errno}";
    }
}
