namespace MedSsl.Models;

/// <summary>
/// ResNet factories by torchvision's names: <c>Encoders.resnet50(new() { width = 4, num_classes = 0 })</c>
/// is SimCLR's R50 (4×) encoder; <see cref="create"/> builds one from its name (the CLI's --arch).
/// </summary>
public static class Encoders
{
    static readonly Dictionary<string, (bool bottleneck, int[] layers)> Specs = new()
    {
        ["resnet18"] = (false, new[] { 2, 2, 2, 2 }),
        ["resnet34"] = (false, new[] { 3, 4, 6, 3 }),
        ["resnet50"] = (true, new[] { 3, 4, 6, 3 }),
        ["resnet101"] = (true, new[] { 3, 4, 23, 3 }),
        ["resnet152"] = (true, new[] { 3, 8, 36, 3 }),
    };

    /// <summary>The architectures <see cref="create"/> knows.</summary>
    public static IReadOnlyCollection<string> names => Specs.Keys;

    public static ResNet resnet18(ResNetOptions? options = null) => create("resnet18", options);
    public static ResNet resnet34(ResNetOptions? options = null) => create("resnet34", options);
    public static ResNet resnet50(ResNetOptions? options = null) => create("resnet50", options);
    public static ResNet resnet101(ResNetOptions? options = null) => create("resnet101", options);
    public static ResNet resnet152(ResNetOptions? options = null) => create("resnet152", options);

    /// <summary>The encoder called arch ("resnet18" … "resnet152").</summary>
    public static ResNet create(string arch, ResNetOptions? options = null) =>
        Specs.TryGetValue(arch, out var spec)
            ? new ResNet(spec.bottleneck, spec.layers, options ?? new ResNetOptions())
            : throw new ArgumentException($"Unknown architecture \"{arch}\"; known: {string.Join(", ", Specs.Keys)}.");
}
