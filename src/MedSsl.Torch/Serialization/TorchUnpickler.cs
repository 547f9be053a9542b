using System.Buffers.Binary;
using System.Text;

namespace MedSsl.Torch;

/// <summary>
/// A restricted unpickler for the data.pkl of a torch.save zip: it interprets only the opcodes a
/// state_dict (or a checkpoint dict around one) uses and never imports or runs anything. Any other
/// opcode or global is an <see cref="InvalidDataException"/> naming the file and byte offset.
/// Globals, REDUCE, BUILD and persistent ids live in TorchUnpickler.Calls.cs.
/// </summary>
internal sealed partial class TorchUnpickler
{
    readonly byte[] data;
    readonly string where;
    readonly List<object?> stack = new();
    readonly Stack<int> marks = new();
    readonly Dictionary<long, object?> memo = new();
    int pos;

    public TorchUnpickler(byte[] data, string where)
    {
        this.data = data;
        this.where = where;
    }

    /// <summary>Interprets the pickle up to STOP and returns the object it built.</summary>
    public object? Load()
    {
        while (true)
        {
            if (pos >= data.Length) throw Bad("pickle ends without a STOP opcode", pos);
            int at = pos;
            byte op = data[pos++];
            if (op == '.') return Pop(at);
            Step(op, at);
        }
    }

    void Step(byte op, int at)
    {
        switch (op)
        {
            case 0x80: Proto(at); break;                                        // PROTO
            case 0x95: Take(8, at); break;                                      // FRAME: a size hint only
            case (byte)'(': marks.Push(stack.Count); break;                     // MARK
            case (byte)'}': Push(new PyDict()); break;                          // EMPTY_DICT
            case (byte)']': Push(new List<object?>()); break;                   // EMPTY_LIST
            case (byte)')': Push(Array.Empty<object?>()); break;                // EMPTY_TUPLE
            case (byte)'N': Push(null); break;                                  // NONE
            case 0x88: Push(true); break;                                       // NEWTRUE
            case 0x89: Push(false); break;                                      // NEWFALSE
            case (byte)'J': Push((long)BinaryPrimitives.ReadInt32LittleEndian(Take(4, at))); break;   // BININT
            case (byte)'K': Push((long)Take(1, at)[0]); break;                                        // BININT1
            case (byte)'M': Push((long)BinaryPrimitives.ReadUInt16LittleEndian(Take(2, at))); break;  // BININT2
            case 0x8a: Push(Long1(at)); break;                                                        // LONG1
            case (byte)'G': Push(BinaryPrimitives.ReadDoubleBigEndian(Take(8, at))); break;           // BINFLOAT
            case (byte)'X': Push(Utf8(BinaryPrimitives.ReadUInt32LittleEndian(Take(4, at)), at)); break; // BINUNICODE
            case 0x8c: Push(Utf8(Take(1, at)[0], at)); break;                                         // SHORT_BINUNICODE
            case (byte)'t': Push(PopMark(at).ToArray()); break;                 // TUPLE
            case 0x85: Push(PopN(1, at)); break;                                // TUPLE1
            case 0x86: Push(PopN(2, at)); break;                                // TUPLE2
            case 0x87: Push(PopN(3, at)); break;                                // TUPLE3
            case (byte)'a': Append(at); break;                                  // APPEND
            case (byte)'e': Appends(at); break;                                 // APPENDS
            case (byte)'s': SetItem(at); break;                                 // SETITEM
            case (byte)'u': SetItems(at); break;                                // SETITEMS
            case (byte)'q': memo[Take(1, at)[0]] = Peek(at); break;             // BINPUT
            case (byte)'r': memo[BinaryPrimitives.ReadUInt32LittleEndian(Take(4, at))] = Peek(at); break; // LONG_BINPUT
            case 0x94: memo[memo.Count] = Peek(at); break;                      // MEMOIZE
            case (byte)'h': Push(Recall(Take(1, at)[0], at)); break;            // BINGET
            case (byte)'j': Push(Recall(BinaryPrimitives.ReadUInt32LittleEndian(Take(4, at)), at)); break; // LONG_BINGET
            case (byte)'c': Push(Global(Line(at), Line(at), at)); break;        // GLOBAL
            case 0x93: StackGlobal(at); break;                                  // STACK_GLOBAL
            case (byte)'R': Reduce(at); break;                                  // REDUCE
            case (byte)'b': Build(at); break;                                   // BUILD
            case (byte)'Q': Push(PersistentLoad(Pop(at), at)); break;           // BINPERSID
            default: throw Forbidden(op, at);
        }
    }

    void Proto(int at)
    {
        var version = Take(1, at)[0];
        if (version is < 2 or > 5) throw Bad($"pickle protocol {version} is not supported (2 to 5 are)", at);
    }

    // LONG1: n bytes of little-endian two's complement; state_dicts only need what fits in 64 bits.
    long Long1(int at)
    {
        var bytes = Take(Take(1, at)[0], at);
        if (bytes.Length > 8) throw Bad($"LONG1 integer of {bytes.Length} bytes does not fit in 64 bits", at);
        if (bytes.Length == 0) return 0;
        long v = (sbyte)bytes[^1]; // sign-extends from the top byte
        for (int i = bytes.Length - 2; i >= 0; i--) v = (v << 8) | bytes[i];
        return v;
    }

    string Utf8(long length, int at)
    {
        var bytes = Take(length, at);
        try { return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes); }
        catch (DecoderFallbackException) { throw Bad("string is not valid UTF-8", at); }
    }

    // GLOBAL's "module\nname\n" operands.
    string Line(int at)
    {
        int end = Array.IndexOf(data, (byte)'\n', pos);
        if (end < 0) throw Bad("GLOBAL operand is not newline-terminated", at);
        var s = Encoding.UTF8.GetString(data, pos, end - pos);
        pos = end + 1;
        return s;
    }

    ReadOnlySpan<byte> Take(long count, int at)
    {
        if (count > data.Length - pos) throw Bad($"truncated pickle: opcode needs {count} more bytes", at);
        var span = data.AsSpan(pos, (int)count);
        pos += (int)count;
        return span;
    }

    object? Recall(long key, int at) =>
        memo.TryGetValue(key, out var v) ? v : throw Bad($"memo entry {key} is read before it is written", at);

    // ---- the value stack; MARK splits it into the frames TUPLE/APPENDS/SETITEMS consume ----

    void Push(object? v) => stack.Add(v);

    int Floor => marks.Count > 0 ? marks.Peek() : 0;

    object? Peek(int at) => stack.Count > Floor ? stack[^1] : throw Bad("stack underflow", at);

    object? Pop(int at)
    {
        var v = Peek(at);
        stack.RemoveAt(stack.Count - 1);
        return v;
    }

    object?[] PopN(int n, int at)
    {
        if (stack.Count - Floor < n) throw Bad("stack underflow", at);
        var items = stack.GetRange(stack.Count - n, n).ToArray();
        stack.RemoveRange(stack.Count - n, n);
        return items;
    }

    List<object?> PopMark(int at)
    {
        if (marks.Count == 0) throw Bad("opcode needs a MARK but none is open", at);
        var m = marks.Pop();
        var items = stack.GetRange(m, stack.Count - m);
        stack.RemoveRange(m, stack.Count - m);
        return items;
    }

    void Append(int at)
    {
        var v = Pop(at);
        Target<List<object?>>("APPEND", at).Add(v);
    }

    void Appends(int at)
    {
        var items = PopMark(at);
        Target<List<object?>>("APPENDS", at).AddRange(items);
    }

    void SetItem(int at)
    {
        var value = Pop(at);
        var key = Pop(at);
        SetKey(Target<PyDict>("SETITEM", at), key, value, at);
    }

    void SetItems(int at)
    {
        var items = PopMark(at);
        if (items.Count % 2 != 0) throw Bad("SETITEMS has an odd number of keys and values", at);
        var dict = Target<PyDict>("SETITEMS", at);
        for (int i = 0; i < items.Count; i += 2) SetKey(dict, items[i], items[i + 1], at);
    }

    void SetKey(PyDict dict, object? key, object? value, int at)
    {
        if (!PyDict.IsKey(key)) throw Bad($"dict key of type {PyTypes.Name(key)} is not supported", at);
        dict.Set(key, value);
    }

    T Target<T>(string opcode, int at) where T : class =>
        Peek(at) as T ?? throw Bad($"{opcode} applied to a {PyTypes.Name(Peek(at))}", at);

    InvalidDataException Bad(string what, int at) => new($"{where}: {what} (at byte {at}).");
}
