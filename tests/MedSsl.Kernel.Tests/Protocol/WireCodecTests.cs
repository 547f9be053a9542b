using System.Text;
using System.Text.Json.Nodes;
using MedSsl.Kernel.Protocol;

namespace MedSsl.Kernel.Tests.Protocol;

public class WireCodecTests
{
    const string Key = "4f1e2d3c-medssl-test-key";

    // Frames exactly as jupyter_client 7.4.9's Session(key=Key).serialize(msg, ident=[b"client-id"]) writes them
    // (/usr/bin/python3; header fixed so the signature is reproducible).
    static List<byte[]> JupyterClientFrames() =>
    [
        "client-id"u8.ToArray(),
        "<IDS|MSG>"u8.ToArray(),
        "65c0198e8de7cdd32c832c60e6d224d0808ecb794da535f0acbe409ee1931d88"u8.ToArray(),
        """{"msg_id": "a1", "session": "s1", "username": "u", "date": "2026-01-01T00:00:00.000000Z", "msg_type": "execute_request", "version": "5.3"}"""u8.ToArray(),
        "{}"u8.ToArray(),
        "{}"u8.ToArray(),
        """{"code": "1+1", "silent": false}"""u8.ToArray(),
    ];

    [Fact]
    public void Sign_MatchesPythonHmacVector()
    {
        // hmac.new(key, digestmod=sha256) updated with the four frames, as session.py signs.
        var codec = new WireCodec(Key);
        var header = """{"msg_id":"a1","session":"s1","username":"u","date":"2026-01-01T00:00:00.000000Z","msg_type":"execute_request","version":"5.3"}"""u8.ToArray();
        var signature = codec.Sign(header, "{}"u8.ToArray(), "{}"u8.ToArray(), """{"code":"1+1","silent":false}"""u8.ToArray());
        Assert.Equal("8215b74561f6b1870fc30ad3939254bb744515c099cb8feece2b91e87f32e857", signature);
    }

    [Fact]
    public void Sign_IsEmptyWithoutKey() =>
        Assert.Equal("", new WireCodec("").Sign([], [], [], []));

    [Fact]
    public void Decode_AcceptsJupyterClientMessage()
    {
        var msg = new WireCodec(Key).Decode(JupyterClientFrames());
        Assert.Equal("execute_request", msg.Type);
        Assert.Equal("a1", msg.Id);
        Assert.Equal("1+1", (string?)msg.Content["code"]);
        Assert.Equal("client-id", Encoding.ASCII.GetString(Assert.Single(msg.Identities)));
        Assert.Empty(msg.ParentHeader);
    }

    [Theory]
    [InlineData(2, "0000000000000000000000000000000000000000000000000000000000000000")] // wrong signature
    [InlineData(2, "")]                                                                     // missing signature
    [InlineData(6, """{"code": "rm -rf /", "silent": false}""")]                          // tampered content
    [InlineData(3, """{"msg_id": "a2", "session": "s1", "username": "u", "date": "2026-01-01T00:00:00.000000Z", "msg_type": "execute_request", "version": "5.3"}""")]
    public void Decode_RejectsBadSignatures(int frame, string replacement)
    {
        var frames = JupyterClientFrames();
        frames[frame] = Encoding.UTF8.GetBytes(replacement);
        Assert.Throws<InvalidSignatureException>(() => new WireCodec(Key).Decode(frames));
    }

    [Fact]
    public void Decode_RejectsMessageSignedWithAnotherKey()
    {
        var other = new WireCodec("another-key");
        var frames = other.Encode("kernel_info_request", new JsonObject(), null, []);
        Assert.Throws<InvalidSignatureException>(() => new WireCodec(Key).Decode(frames));
    }

    [Fact]
    public void Decode_SkipsVerificationWhenKeyIsEmpty()
    {
        var frames = JupyterClientFrames();
        frames[2] = [];
        Assert.Equal("execute_request", new WireCodec("").Decode(frames).Type);
    }

    [Fact]
    public void Decode_NamesMalformedFrames()
    {
        var noDelimiter = JupyterClientFrames();
        noDelimiter.RemoveAt(1);
        Assert.Contains("delimiter", Assert.Throws<InvalidDataException>(() => new WireCodec(Key).Decode(noDelimiter)).Message);
        var truncated = JupyterClientFrames().Take(5).ToList();
        Assert.Contains("frames", Assert.Throws<InvalidDataException>(() => new WireCodec(Key).Decode(truncated)).Message);
        var codec = new WireCodec("");
        var notJson = codec.Encode("x", new JsonObject(), null, []);
        notJson[5] = "[1, 2]"u8.ToArray();
        Assert.Contains("content", Assert.Throws<InvalidDataException>(() => codec.Decode(notJson)).Message);
    }

    [Fact]
    public void Encode_RepliesQuoteTheRequestHeaderVerbatimAndSign()
    {
        var codec = new WireCodec(Key, session: "kernel-session");
        var request = codec.Decode(JupyterClientFrames());
        var frames = codec.Encode("execute_reply", new JsonObject { ["status"] = "ok" }, request, request.Identities);
        Assert.Equal(request.Identities[0], frames[0]);
        Assert.Equal(WireCodec.Delimiter, frames[1]);
        Assert.Equal(JupyterClientFrames()[3], frames[4]); // parent_header: the request's header bytes, untouched
        var reply = codec.Decode(frames); // verifies the signature
        Assert.Equal("execute_reply", reply.Type);
        Assert.Equal("kernel-session", (string?)reply.Header["session"]);
        Assert.Equal("5.3", (string?)reply.Header["version"]);
        Assert.Equal("a1", (string?)reply.ParentHeader["msg_id"]);
        Assert.NotEqual(request.Id, reply.Id);
    }

    [Fact]
    public void Encode_KeepsNonAsciiTextReadable()
    {
        var codec = new WireCodec("");
        var frames = codec.Encode("stream", new JsonObject { ["text"] = "µ ± naïve — 肺" }, null, []);
        Assert.Contains("µ ± naïve — 肺", Encoding.UTF8.GetString(frames[^1]));
    }
}
