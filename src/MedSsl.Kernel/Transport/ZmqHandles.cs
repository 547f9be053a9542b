using Microsoft.Win32.SafeHandles;

namespace MedSsl.Kernel.Transport;

/// <summary>A libzmq context; released with zmq_ctx_term once every socket is closed.</summary>
internal sealed class ZmqContextHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public ZmqContextHandle() : base(ownsHandle: true) => SetHandle(ZmqNative.zmq_ctx_new());

    protected override bool ReleaseHandle()
    {
        while (ZmqNative.zmq_ctx_term(handle) != 0 && ZmqNative.zmq_errno() == ZmqNative.EINTR) { }
        return true;
    }
}

/// <summary>A libzmq socket; released with zmq_close.</summary>
internal sealed class ZmqSocketHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public ZmqSocketHandle(IntPtr socket) : base(ownsHandle: true) => SetHandle(socket);

    protected override bool ReleaseHandle() => ZmqNative.zmq_close(handle) == 0;
}
