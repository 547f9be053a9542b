using System.Text.Json;

namespace MedSsl.Torch.Tests.NN;

/// <summary>
/// One case written by Golden/make_nn_goldens.py: named tensors (inputs drawn by PyTorch and its outputs).
/// Tensors come back as new float32/int64 CPU tensors in the caller's dispose scope.
/// </summary>
public sealed class Golden
{
    readonly Dictionary<string, JsonElement> entries;

    Golden(Dictionary<string, JsonElement> entries) => this.entries = entries;

    public static Golden Load(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Golden", "nn", name + ".json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return new Golden(doc.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone()));
    }

    public IEnumerable<string> Names => entries.Keys;

    public long[] Shape(string name) => entries[name].GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()).ToArray();

    public Tensor this[string name] => Get(name);

    /// <summary>The tensor, optionally as a leaf that requires grad.</summary>
    public Tensor Get(string name, bool requires_grad = false)
    {
        if (!entries.TryGetValue(name, out var e)) throw new KeyNotFoundException($"golden has no tensor '{name}'");
        var shape = Shape(name);
        var data = e.GetProperty("data");
        if (e.GetProperty("dtype").GetString() == "int64")
            return torch.tensor(data.EnumerateArray().Select(v => v.GetInt64()).ToArray(), shape);
        var t = torch.tensor(data.EnumerateArray().Select(v => (float)v.GetDouble()).ToArray(), shape);
        return requires_grad ? t.requires_grad_() : t;
    }

    /// <summary>Asserts same shape and |a - e| &lt;= atol + rtol·|e| everywhere, naming the worst element.</summary>
    public static void AssertClose(Tensor expected, Tensor actual, double atol = 1e-5, double rtol = 1e-4, string what = "")
    {
        Assert.True(expected.shape.SequenceEqual(actual.shape),
            $"{what}: shape [{string.Join(", ", actual.shape)}], expected [{string.Join(", ", expected.shape)}]");
        using var ed = expected.to(torch.float64);
        using var ad = actual.detach().to(torch.float64).cpu();
        var e = ed.data<double>();
        var a = ad.data<double>();
        for (int i = 0; i < e.Length; i++)
            Assert.True(Math.Abs(a[i] - e[i]) <= atol + rtol * Math.Abs(e[i]),
                $"{what}: element {i} is {a[i]:R}, PyTorch gives {e[i]:R} (atol {atol}, rtol {rtol})");
    }

    /// <summary>Compares actual with the golden tensor called name.</summary>
    public void Check(string name, Tensor actual, double atol = 1e-5, double rtol = 1e-4) =>
        AssertClose(this[name], actual, atol, rtol, name);
}
