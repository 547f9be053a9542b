using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MedSsl.Kernel.Server;

/// <summary>
/// The inputs (and text results) of this kernel process, for history_request: tail, range and glob search as
/// IPython answers them. Session 1 is this process; 0 and negative sessions mean it too.
/// </summary>
internal sealed class History
{
    public const int Session = 1;
    readonly List<(int Line, string Input, string? Output)> entries = new();

    public void Add(int line, string input, string? output)
    {
        lock (entries) entries.Add((line, input, output));
    }

    public JsonArray Query(JsonObject request)
    {
        var output = (bool?)request["output"] ?? false;
        var n = request["n"] is JsonValue nv && nv.TryGetValue(out int nn) ? nn : (int?)null;
        List<(int Line, string Input, string? Output)> selected;
        lock (entries)
        {
            selected = (string?)request["hist_access_type"] switch
            {
                "tail" => entries.TakeLast(n ?? 10).ToList(),
                "range" => Range(request),
                "search" => Search(request, n),
                _ => [],
            };
        }
        var result = new JsonArray();
        foreach (var (line, input, text) in selected)
            result.Add(new JsonArray(Session, line, output ? new JsonArray(input, text) : input));
        return result;
    }

    List<(int, string, string?)> Range(JsonObject request)
    {
        var session = (int?)request["session"] ?? 0;
        if (session > Session) return [];
        var start = (int?)request["start"] ?? 0;
        var stop = (int?)request["stop"];
        return entries.Where(e => e.Line >= start && (stop is null || e.Line < stop)).ToList();
    }

    List<(int, string, string?)> Search(JsonObject request, int? n)
    {
        var glob = new Regex("^" + Regex.Escape((string?)request["pattern"] ?? "*").Replace(@"\*", ".*").Replace(@"\?", ".") + "$",
                             RegexOptions.Singleline);
        var matches = entries.Where(e => glob.IsMatch(e.Input)).ToList();
        if ((bool?)request["unique"] ?? false)
            matches = matches.Where((e, i) => !matches.Skip(i + 1).Any(later => later.Input == e.Input)).ToList();
        return n is { } count ? matches.TakeLast(count).ToList() : matches;
    }
}
