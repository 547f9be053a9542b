namespace MedSsl.Torch;

/// <summary>Element types; the values are c10::ScalarType codes, so they cross the ABI as they are.</summary>
public enum ScalarType
{
    Byte = 0, Int8 = 1, Int16 = 2, Int32 = 3, Int64 = 4,
    Float16 = 5, Float32 = 6, Float64 = 7,
    Bool = 11, BFloat16 = 15,
}

/// <summary>Device kinds; values are c10::DeviceType codes.</summary>
public enum DeviceType { CPU = 0, CUDA = 1 }

/// <summary>Memory layouts for contiguous()/to(); values are c10::MemoryFormat codes.</summary>
public enum MemoryFormat { Contiguous = 0, Preserve = 1, ChannelsLast = 2 }

/// <summary>A device such as "cpu" or "cuda:0" (torch.device).</summary>
public sealed record Device(DeviceType type, int index = -1)
{
    /// <summary>Parses "cpu", "cuda", "cuda:1".</summary>
    public static Device Parse(string spec)
    {
        var parts = spec.Trim().ToLowerInvariant().Split(':');
        var type = parts[0] switch
        {
            "cpu" => DeviceType.CPU,
            "cuda" => DeviceType.CUDA,
            _ => throw new ArgumentException($"Unknown device '{spec}': expected 'cpu', 'cuda' or 'cuda:N'."),
        };
        var index = parts.Length > 1 ? int.Parse(parts[1]) : (type == DeviceType.CUDA ? 0 : -1);
        return new Device(type, index);
    }

    public override string ToString() =>
        type == DeviceType.CPU ? "cpu" : index >= 0 ? $"cuda:{index}" : "cuda";

    public static implicit operator Device(string spec) => Parse(spec);
}
