using MedSsl.Bench;

// ./medssl bench NAME [options]: each bench prints its table and ends with "ratio kit/pytorch = X.XX".
var benches = new Dictionary<string, Func<string[], int>>
{
    ["engine"] = EngineBench.Run,
    ["transforms"] = TransformsBench.Run,
    ["loader"] = LoaderBench.Run,
    ["simclr"] = SimClrBench.Run,
};
if (args.Length == 0 || !benches.TryGetValue(args[0], out var bench))
{
    Console.Error.WriteLine($"usage: ./medssl bench {{{string.Join("|", benches.Keys)}}} [--key value ...]");
    return 2;
}
return bench(args[1..]);
