using System.CommandLine;
using System.Diagnostics;
using MedSsl.Models;
using MedSsl.Torch;
using MedSsl.Torch.Modules;
using MedSsl.Torch.Optim;
using static MedSsl.Torch.torch;
using static MedSsl.Torch.torch.nn;

namespace MedSsl.Cli;

/// <summary>
/// `medssl quickstart`: the engine end to end on real data. A small CNN learns DermaMNIST's seven skin-lesion
/// classes from the shipped mini set, is saved to safetensors, and reloads into a fresh model with identical
/// outputs. (The SimCLR/MICLe chain replaces this job when the SSL core lands.)
/// </summary>
internal static class QuickstartCommand
{
    public static Command Create()
    {
        var epochs = new Option<int>("--epochs") { Description = "Training epochs.", DefaultValueFactory = _ => 8 };
        var output = new Option<string>("--output") { Description = "Folder for the checkpoint.", DefaultValueFactory = _ => "runs/quickstart" };
        var cmd = new Command("quickstart", "Train a small CNN on the embedded DermaMNIST mini set, save and reload it.") { epochs, output };
        cmd.SetAction(r => Run(r.GetValue(epochs), r.GetValue(output)!));
        return cmd;
    }

    static int Run(int epochs, string output)
    {
        manual_seed(0);
        Console.WriteLine($"engine: libtorch {__version__}, {get_num_threads()} threads, {(cuda.is_available() ? "CUDA" : "CPU")}");
        var (train, test, source) = QuickstartData.Load();
        Console.WriteLine($"data:   {source}: {train.x.shape[0]} training / {test.x.shape[0]} test images, {QuickstartData.Classes} classes");

        using var model = SmallCnn.Create(QuickstartData.Classes);
        using var opt = optim.SGD(model.parameters(), lr: 0.05, momentum: 0.9, weight_decay: 5e-4);
        var clock = Stopwatch.StartNew();
        Console.WriteLine("epoch   loss   test acc");
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            var loss = TrainEpoch(model, opt, train.x, train.y, batch: 64, seed: epoch);
            Console.WriteLine($"{epoch,5}  {loss,6:F3}   {Accuracy(model, test.x, test.y),7:P1}");
        }
        Console.WriteLine($"trained in {clock.Elapsed.TotalSeconds:F1} s; always predicting the most common training class " +
                          $"would score {MajorityBaseline(train.y, test.y):P1} (DermaMNIST is dominated by nevi)");

        Directory.CreateDirectory(output);
        var path = Path.Combine(output, "model.safetensors");
        safetensors.save_file(model.state_dict(), path);
        using var reloaded = SmallCnn.Create(QuickstartData.Classes);
        reloaded.load_state_dict(safetensors.load_file(path));
        var diff = MaxOutputDifference(model, reloaded, test.x);
        Console.WriteLine($"saved {path}; reloaded into a fresh model: max |difference| of outputs = {diff:G3}");
        return diff == 0 ? 0 : 1;
    }


    static double TrainEpoch(Sequential model, Optimizer opt, Tensor x, Tensor y, int batch, int seed)
    {
        model.train();
        using var g = new Generator((ulong)seed);
        using var order = randperm(x.shape[0], generator: g);
        double total = 0;
        int batches = 0;
        for (long start = 0; start < x.shape[0]; start += batch, batches++)
        {
            using var scope = NewDisposeScope();
            var idx = order.slice(0, start, Math.Min(start + batch, x.shape[0]));
            opt.zero_grad();
            var loss = functional.cross_entropy(model.call(x.index_select(0, idx)), y.index_select(0, idx));
            loss.backward();
            opt.step();
            total += loss.item<float>();
        }
        return total / batches;
    }

    static double Accuracy(Sequential model, Tensor x, Tensor y)
    {
        model.eval();
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        return model.call(x).argmax(1).eq(y).@float().mean().item<float>();
    }

    static double MajorityBaseline(Tensor trainY, Tensor testY)
    {
        using var scope = NewDisposeScope();
        var majority = trainY.bincount().argmax().item<long>();
        return testY.eq(majority).@float().mean().item<float>();
    }

    static double MaxOutputDifference(Sequential a, Sequential b, Tensor x)
    {
        a.eval();
        b.eval();
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        return (a.call(x) - b.call(x)).abs().max().item<double>();
    }
}
