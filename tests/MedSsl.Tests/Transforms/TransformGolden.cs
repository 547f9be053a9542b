using System.Text.Json;

namespace MedSsl.Tests.Transforms;

/// <summary>One case written by Golden/make_transform_goldens.py: named float32 tensors (inputs and torchvision's outputs).</summary>
public sealed class TransformGolden
{
    readonly Dictionary<string, JsonElement> entries;

    TransformGolden(Dictionary<string, JsonElement> entries) => this.entries = entries;

    public static TransformGolden Load(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Golden", "transforms", name + ".json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return new TransformGolden(doc.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone()));
    }

    public Tensor this[string name]
    {
        get
        {
            if (!entries.TryGetValue(name, out var e)) throw new KeyNotFoundException($"golden has no tensor '{name}'");
            var shape = e.GetProperty("shape").EnumerateArray().Select(v => v.GetInt64()).ToArray();
            var data = e.GetProperty("data").EnumerateArray().Select(v => (float)v.GetDouble()).ToArray();
            return torch.tensor(data, shape);
        }
    }

    /// <summary>Asserts same shape and |actual − expected| ≤ atol everywhere, naming the worst element.</summary>
    public static void AssertClose(Tensor expected, Tensor actual, double atol, string what)
    {
        Assert.True(expected.shape.SequenceEqual(actual.shape),
            $"{what}: shape [{string.Join(", ", actual.shape)}], torchvision gives [{string.Join(", ", expected.shape)}]");
        using var diff = (actual.to(torch.float64) - expected.to(torch.float64)).abs().flatten();
        var (worst, at) = diff.max(0);
        Assert.True(worst.item<double>() <= atol,
            $"{what}: element {at.item<long>()} is off by {worst.item<double>():G4} from torchvision (atol {atol})");
    }

    public void Check(string name, Tensor actual, double atol = 1e-5) => AssertClose(this[name], actual, atol, name);
}
