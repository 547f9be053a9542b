using MedSsl.Display;

namespace MedSsl.Tests;

/// <summary>Tests that set process-wide display state (ImageEncoding.Png, PlotlyJs, DisplayUpdates.Sink) run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DisplayGlobals
{
    public const string Name = "Display globals";
}

/// <summary>PNG encoders for tests: the kit's real one (torchvision.io.encode_png) lives on another branch.</summary>
public static class TestPng
{
    /// <summary>
    /// Not a PNG: "FAKE" + C, H, W + the pixels, so tests can read back exactly what a grid handed to the
    /// encoder.
    /// </summary>
    public static byte[] Fake(Tensor image)
    {
        Assert.Equal(ScalarType.Byte, image.dtype);
        var s = image.shape;
        Assert.Equal(3, s.Length);
        return "FAKE"u8.ToArray().Concat(new[] { (byte)s[0] }).Concat(BitConverter.GetBytes((int)s[1]))
            .Concat(BitConverter.GetBytes((int)s[2])).Concat(image.data<byte>()).ToArray();
    }

    public static (int C, int H, int W, byte[] Pixels) ReadFake(byte[] png)
    {
        Assert.Equal("FAKE"u8.ToArray(), png[..4]);
        return (png[4], BitConverter.ToInt32(png, 5), BitConverter.ToInt32(png, 9), png[13..]);
    }

    /// <summary>A real PNG from Debian's Python PIL (the reference interpreter), for pages a browser must show.</summary>
    public static byte[] Pil(Tensor image)
    {
        var s = image.shape;
        int c = (int)s[0], h = (int)s[1], w = (int)s[2];
        var chw = image.data<byte>();
        var hwc = new byte[chw.Length];
        for (int ch = 0; ch < c; ch++)
            for (int i = 0; i < h * w; i++) hwc[i * c + ch] = chw[ch * h * w + i];
        var psi = new System.Diagnostics.ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var a in new[] { "-c", "import sys, io; from PIL import Image; m, w, h = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]); " +
                 "b = io.BytesIO(); Image.frombytes(m, (w, h), sys.stdin.buffer.read()).save(b, 'PNG'); sys.stdout.buffer.write(b.getvalue())",
                 c == 1 ? "L" : "RGB", w.ToString(), h.ToString() })
            psi.ArgumentList.Add(a);
        using var p = System.Diagnostics.Process.Start(psi)!;
        p.StandardInput.BaseStream.Write(hwc);
        p.StandardInput.Close();
        using var ms = new MemoryStream();
        var copy = p.StandardOutput.BaseStream.CopyToAsync(ms);
        var err = p.StandardError.ReadToEnd();
        copy.Wait();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"PIL failed to encode a PNG: {err}");
        return ms.ToArray();
    }
}
