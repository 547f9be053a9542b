using MedSsl.Torch.Modules;
using static MedSsl.Torch.torch.nn;

namespace MedSsl.Models;

/// <summary>
/// Three conv-BN-ReLU blocks, global pooling and a linear layer: the engine's smoke-test network, small enough
/// to train in seconds on a CPU. The quickstart trains it; `./medssl bench engine` times it against the same
/// network in PyTorch (bench/engine/engine_pytorch.py builds it layer for layer).
/// </summary>
public static class SmallCnn
{
    public static Sequential Create(int numClasses = 10, int inChannels = 3) => Sequential(
        Conv2d(inChannels, 32, 3, padding: 1, bias: false), BatchNorm2d(32), ReLU(), MaxPool2d(2),
        Conv2d(32, 64, 3, padding: 1, bias: false), BatchNorm2d(64), ReLU(), MaxPool2d(2),
        Conv2d(64, 128, 3, padding: 1, bias: false), BatchNorm2d(128), ReLU(),
        AdaptiveAvgPool2d(1), Flatten(), Linear(128, numClasses));
}
