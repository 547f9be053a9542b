namespace MedSsl.Torch;

// What the restricted unpickler builds. Python ints are long, floats double, str string,
// bool bool, None null, tuples object?[], lists List<object?>, dicts and OrderedDicts PyDict.

/// <summary>An allow-listed Python global (a function or class) named by a GLOBAL/STACK_GLOBAL opcode.</summary>
internal sealed record PyGlobal(string Module, string Name)
{
    public override string ToString() => $"{Module}.{Name}";
}

/// <summary>A tensor storage named by a persistent id: the zip entry data/&lt;Key&gt; holds Numel elements.</summary>
internal sealed record StorageRef(string Key, ScalarType Dtype, string Location, long Numel);

/// <summary>A tensor to rebuild from its storage: torch._utils._rebuild_tensor_v2's arguments.</summary>
internal sealed record TensorRef(StorageRef Storage, long Offset, long[] Size, long[] Stride);

/// <summary>An insertion-ordered Python dict; keys are str, int, float, bool or None.</summary>
internal sealed class PyDict
{
    static readonly object NoneKey = new();
    readonly Dictionary<object, int> index = new();
    readonly List<KeyValuePair<object?, object?>> items = new();

    public int Count => items.Count;
    public IReadOnlyList<KeyValuePair<object?, object?>> Items => items;

    /// <summary>Python's d[key] = value: replaces in place, keeping the first insertion's position.</summary>
    public void Set(object? key, object? value)
    {
        var k = key ?? NoneKey;
        if (index.TryGetValue(k, out var i)) items[i] = new(key, value);
        else
        {
            index[k] = items.Count;
            items.Add(new(key, value));
        }
    }

    public bool TryGet(object? key, out object? value)
    {
        if (index.TryGetValue(key ?? NoneKey, out var i))
        {
            value = items[i].Value;
            return true;
        }
        value = null;
        return false;
    }

    /// <summary>True for the key types Python dicts in checkpoints use (and whose equality C# matches).</summary>
    public static bool IsKey(object? key) => key is null or string or long or double or bool;
}

internal static class PyTypes
{
    /// <summary>The Python type name of an unpickled value, for error messages.</summary>
    public static string Name(object? v) => v switch
    {
        null => "None",
        string => "str",
        long => "int",
        double => "float",
        bool => "bool",
        object?[] => "tuple",
        List<object?> => "list",
        PyDict => "dict",
        PyGlobal g => g.ToString(),
        StorageRef => "storage",
        TensorRef => "Tensor",
        _ => v.GetType().Name,
    };
}
