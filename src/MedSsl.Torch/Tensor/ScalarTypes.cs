namespace MedSsl.Torch;

/// <summary>Names, sizes and CLR element types of <see cref="ScalarType"/>.</summary>
public static class ScalarTypes
{
    /// <summary>PyTorch's name: "float32", "int64", ...</summary>
    public static string Name(this ScalarType t) => t switch
    {
        ScalarType.Byte => "uint8",
        ScalarType.Int8 => "int8",
        ScalarType.Int16 => "int16",
        ScalarType.Int32 => "int32",
        ScalarType.Int64 => "int64",
        ScalarType.Float16 => "float16",
        ScalarType.Float32 => "float32",
        ScalarType.Float64 => "float64",
        ScalarType.Bool => "bool",
        ScalarType.BFloat16 => "bfloat16",
        _ => t.ToString(),
    };

    public static int ElementSize(this ScalarType t) => t switch
    {
        ScalarType.Byte or ScalarType.Int8 or ScalarType.Bool => 1,
        ScalarType.Int16 or ScalarType.Float16 or ScalarType.BFloat16 => 2,
        ScalarType.Int32 or ScalarType.Float32 => 4,
        _ => 8,
    };

    public static bool IsFloatingPoint(this ScalarType t) =>
        t is ScalarType.Float16 or ScalarType.Float32 or ScalarType.Float64 or ScalarType.BFloat16;

    /// <summary>The ScalarType that stores CLR type T.</summary>
    public static ScalarType Of<T>() where T : unmanaged => Of(typeof(T));

    public static ScalarType Of(Type t) =>
        t == typeof(float) ? ScalarType.Float32 :
        t == typeof(double) ? ScalarType.Float64 :
        t == typeof(long) ? ScalarType.Int64 :
        t == typeof(int) ? ScalarType.Int32 :
        t == typeof(short) ? ScalarType.Int16 :
        t == typeof(byte) ? ScalarType.Byte :
        t == typeof(sbyte) ? ScalarType.Int8 :
        t == typeof(bool) ? ScalarType.Bool :
        t == typeof(Half) ? ScalarType.Float16 :
        throw new ArgumentException($"No tensor dtype stores {t.Name}.");

    /// <summary>Parses PyTorch/NumPy names ("float32", "float", "int64", "uint8", "bool", ...).</summary>
    public static ScalarType Parse(string name) => name.ToLowerInvariant() switch
    {
        "float32" or "float" or "f32" => ScalarType.Float32,
        "float64" or "double" or "f64" => ScalarType.Float64,
        "float16" or "half" or "f16" => ScalarType.Float16,
        "bfloat16" or "bf16" => ScalarType.BFloat16,
        "int64" or "long" or "i64" => ScalarType.Int64,
        "int32" or "int" or "i32" => ScalarType.Int32,
        "int16" or "short" or "i16" => ScalarType.Int16,
        "int8" or "i8" => ScalarType.Int8,
        "uint8" or "byte" or "u8" => ScalarType.Byte,
        "bool" => ScalarType.Bool,
        _ => throw new ArgumentException($"Unknown dtype '{name}'."),
    };
}
