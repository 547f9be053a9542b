using System.Text.Json.Nodes;

namespace MedSsl.Torch.Optim;

/// <summary>
/// An optimizer's resumable state, split for a safetensors file plus a JSON file:
/// <see cref="tensors"/> keyed like PyTorch ("state.{paramIndex}.exp_avg", "state.0.step", ...)
/// and <see cref="scalars"/>, {"param_groups": [{"lr": 0.1, ..., "params": [0, 1]}]}.
/// It owns its tensors (copies, in no dispose scope): dispose it once saved.
/// </summary>
public sealed class OptimizerStateDict : IDisposable
{
    public OptimizerStateDict(Dictionary<string, Tensor> tensors, JsonObject scalars)
    {
        this.tensors = tensors;
        this.scalars = scalars;
    }

    public Dictionary<string, Tensor> tensors { get; }

    public JsonObject scalars { get; }

    /// <summary>Disposes every tensor of the dictionary.</summary>
    public void Dispose()
    {
        foreach (var t in tensors.Values) t.Dispose();
        tensors.Clear();
    }
}
