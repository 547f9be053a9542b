using System.Text.Json;
using MedSsl.Torch.Optim;

namespace MedSsl.Torch.Tests;

/// <summary>Reads Golden/optim_goldens.json (written by Golden/make_optim_goldens.py with PyTorch 1.13)
/// and builds the parameters, gradients and optimizers it describes.</summary>
static class OptimGoldens
{
    static readonly Lazy<JsonElement> Root = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Golden", "optim_goldens.json"))).RootElement);

    public static JsonElement Json => Root.Value;

    public static JsonElement Case(string section, string name) =>
        Json.GetProperty(section).EnumerateArray().First(c => c.GetProperty("name").GetString() == name);

    public static IEnumerable<object[]> Names(string section) =>
        Json.GetProperty(section).EnumerateArray().Select(c => new object[] { c.GetProperty("name").GetString()! });

    public static long[] Shape(int param) => Json.GetProperty("shapes")[param].EnumerateArray().Select(e => e.GetInt64()).ToArray();

    public static int StepCount => Json.GetProperty("grads").GetArrayLength();

    /// <summary>null where the golden has no value (no gradient at that step).</summary>
    public static double[]? Values(JsonElement e) =>
        e.ValueKind == JsonValueKind.Null ? null : e.EnumerateArray().Select(v => v.GetDouble()).ToArray();

    /// <summary>Fresh float64 parameters holding the golden initial values.</summary>
    public static Parameter[] InitialParams() =>
        Enumerable.Range(0, Json.GetProperty("shapes").GetArrayLength()).Select(i => MakeParam(Values(Json.GetProperty("init")[i])!, Shape(i))).ToArray();

    public static Parameter MakeParam(double[] values, long[] shape)
    {
        using var data = torch.tensor(values, shape);
        return new Parameter(data);
    }

    /// <summary>Sets every parameter's .grad to the golden gradient of this step (or none).</summary>
    public static void SetGrads(Parameter[] ps, int step)
    {
        for (var i = 0; i < ps.Length; i++)
        {
            var g = Values(Json.GetProperty("grads")[step][i]);
            if (g is null) { ps[i].grad = null; continue; }
            using var t = torch.tensor(g, Shape(i));
            ps[i].grad = t;
        }
    }

    /// <summary>The optimizer a golden case describes, over ps.</summary>
    public static Optimizer MakeOptimizer(JsonElement c, Parameter[] ps)
    {
        var o = c.GetProperty("options");
        double? D(JsonElement e, string n) => e.TryGetProperty(n, out var v) ? v.GetDouble() : null;
        bool B(string n) => o.TryGetProperty(n, out var v) && v.GetBoolean();
        var groups = c.GetProperty("groups").ValueKind == JsonValueKind.Null
            ? new List<ParamGroup> { new(ps) }
            : c.GetProperty("groups").EnumerateArray().Select(g => new ParamGroup(
                g.GetProperty("params").EnumerateArray().Select(i => ps[i.GetInt32()]),
                lr: D(g, "lr"), momentum: D(g, "momentum"), weight_decay: D(g, "weight_decay"))).ToList();
        (double, double)? betas = o.TryGetProperty("betas", out var b) ? (b[0].GetDouble(), b[1].GetDouble()) : null;
        return c.GetProperty("kind").GetString() switch
        {
            "sgd" => new SGD(groups, D(o, "lr"), D(o, "momentum") ?? 0, D(o, "dampening") ?? 0, D(o, "weight_decay") ?? 0,
                             B("nesterov"), B("maximize")),
            "adam" => new Adam(groups, D(o, "lr") ?? 1e-3, betas, D(o, "eps") ?? 1e-8, D(o, "weight_decay") ?? 0,
                               B("amsgrad"), B("maximize")),
            "adamw" => new AdamW(groups, D(o, "lr") ?? 1e-3, betas, D(o, "eps") ?? 1e-8, D(o, "weight_decay") ?? 1e-2,
                                 B("amsgrad"), B("maximize")),
            var k => throw new ArgumentException($"unknown optimizer kind {k}"),
        };
    }

    public static double MaxAbsDiff(double[] a, double[] b)
    {
        Assert.Equal(a.Length, b.Length);
        return a.Zip(b, (x, y) => Math.Abs(x - y)).Max();
    }

    public static void DisposeAll(IEnumerable<IDisposable> items)
    {
        foreach (var d in items) d.Dispose();
    }
}
