namespace MedSsl.Torch;

// The only Python names a state_dict pickle may mention, and what "calling" them builds.
internal sealed partial class TorchUnpickler
{
    const string OrderedDict = "collections.OrderedDict";
    const string RebuildTensor = "torch._utils._rebuild_tensor_v2";
    const string RebuildParameter = "torch._utils._rebuild_parameter";

    /// <summary>torch.*Storage classes, which appear only inside persistent ids.</summary>
    static readonly Dictionary<string, ScalarType> StorageTypes = new()
    {
        ["FloatStorage"] = ScalarType.Float32, ["DoubleStorage"] = ScalarType.Float64,
        ["HalfStorage"] = ScalarType.Float16, ["BFloat16Storage"] = ScalarType.BFloat16,
        ["LongStorage"] = ScalarType.Int64, ["IntStorage"] = ScalarType.Int32,
        ["ShortStorage"] = ScalarType.Int16, ["CharStorage"] = ScalarType.Int8,
        ["ByteStorage"] = ScalarType.Byte, ["BoolStorage"] = ScalarType.Bool,
    };

    // Checked when the name is read, before anything could refer to it.
    PyGlobal Global(string module, string name, int at)
    {
        var g = new PyGlobal(module, name);
        var full = g.ToString();
        bool allowed = full is OrderedDict or RebuildTensor or RebuildParameter
                       || (module == "torch" && StorageTypes.ContainsKey(name));
        if (!allowed)
            throw new InvalidDataException(
                $"{where}: global '{full}' at byte {at} is not allowed: the importer only knows state_dict " +
                "contents (OrderedDict, tensors, parameters, torch.*Storage) and never runs code from a checkpoint.");
        return g;
    }

    void StackGlobal(int at)
    {
        var name = Pop(at);
        var module = Pop(at);
        if (module is not string m || name is not string n)
            throw Bad($"STACK_GLOBAL needs two strings, got {PyTypes.Name(module)} and {PyTypes.Name(name)}", at);
        Push(Global(m, n, at));
    }

    void Reduce(int at)
    {
        var args = Pop(at) as object?[] ?? throw Bad("REDUCE arguments are not a tuple", at);
        var callable = Pop(at) as PyGlobal ?? throw Bad("REDUCE target is not an allowed global", at);
        Push(callable.ToString() switch
        {
            OrderedDict when args.Length == 0 => new PyDict(),
            RebuildTensor => TensorArgs(args, at),
            RebuildParameter when args.Length >= 1 && args[0] is TensorRef t => t, // requires_grad is dropped
            _ => throw Bad($"{callable} cannot be called with {args.Length} argument(s) ({string.Join(", ", args.Select(PyTypes.Name))})", at),
        });
    }

    // _rebuild_tensor_v2(storage, storage_offset, size, stride, requires_grad, backward_hooks[, metadata])
    TensorRef TensorArgs(object?[] args, int at)
    {
        if (args.Length is < 6 or > 7 || args[0] is not StorageRef storage || args[1] is not long offset
            || Longs(args[2]) is not { } size || Longs(args[3]) is not { } stride)
            throw Bad($"{RebuildTensor} arguments ({string.Join(", ", args.Select(PyTypes.Name))}) are not (storage, offset, size, stride, ...)", at);
        if (size.Length != stride.Length)
            throw Bad($"tensor size {TensorBytes.Shape(size)} and stride {TensorBytes.Shape(stride)} differ in rank", at);
        return new TensorRef(storage, offset, size, stride);
    }

    static long[]? Longs(object? tuple) =>
        tuple is object?[] items && items.All(i => i is long) ? items.Cast<long>().ToArray() : null;

    // OrderedDict's BUILD state is its attribute dict (state_dict's _metadata): not needed for the tensors.
    void Build(int at)
    {
        Pop(at);
        if (Peek(at) is not PyDict)
            throw Bad($"BUILD (setting object state) applied to a {PyTypes.Name(Peek(at))}", at);
    }

    // torch.save's persistent ids: ('storage', storage_type, key, location, numel).
    StorageRef PersistentLoad(object? pid, int at)
    {
        if (pid is object?[] { Length: 5 } t && t[0] is "storage" && t[1] is PyGlobal type
            && StorageTypes.TryGetValue(type.Name, out var dtype) && type.Module == "torch"
            && t[2] is string key && t[3] is string location && t[4] is long numel && numel >= 0)
            return new StorageRef(key, dtype, location, numel);
        var shown = pid is object?[] items ? $"({string.Join(", ", items.Select(PyTypes.Name))})" : PyTypes.Name(pid);
        throw Bad($"persistent id {shown} is not ('storage', torch.*Storage, key, location, numel)", at);
    }

    static readonly Dictionary<byte, string> KnownOpcodes = new()
    {
        [(byte)'i'] = "INST", [(byte)'o'] = "OBJ", [0x81] = "NEWOBJ", [0x92] = "NEWOBJ_EX", [(byte)'P'] = "PERSID",
        [0x82] = "EXT1", [0x83] = "EXT2", [0x84] = "EXT4", [(byte)'B'] = "BINBYTES", [(byte)'C'] = "SHORT_BINBYTES",
        [(byte)'d'] = "DICT", [(byte)'l'] = "LIST", [(byte)'0'] = "POP", [(byte)'1'] = "POP_MARK", [(byte)'2'] = "DUP",
        [(byte)'I'] = "INT", [(byte)'L'] = "LONG", [(byte)'F'] = "FLOAT", [(byte)'S'] = "STRING", [(byte)'V'] = "UNICODE",
        [(byte)'p'] = "PUT", [(byte)'g'] = "GET", [0x8b] = "LONG4", [0x8d] = "BINUNICODE8", [0x8e] = "BINBYTES8",
        [0x8f] = "EMPTY_SET", [0x90] = "ADDITEMS", [0x91] = "FROZENSET", [0x96] = "BYTEARRAY8",
        [0x97] = "NEXT_BUFFER", [0x98] = "READONLY_BUFFER",
    };

    InvalidDataException Forbidden(byte op, int at)
    {
        var name = KnownOpcodes.TryGetValue(op, out var n) ? n : "unknown";
        return new InvalidDataException(
            $"{where}: pickle opcode 0x{op:x2} ({name}) at byte {at} is not allowed: the importer reads only the opcodes a state_dict uses.");
    }
}
