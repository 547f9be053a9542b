namespace MedSsl.Optim;

/// <summary>
/// SimCLR's learning-rate scaling with the batch size B (SimCLR §B.1, model.py):
/// linear, base × B/256 (0.3 × 4096/256 = 4.8, the ImageNet recipe), or square root, base × √B
/// (0.075 × √4096 = 4.8 too; better for small batches and few epochs).
/// </summary>
public static class LrScaling
{
    public static double LinearScaledLr(double base_lr, int batch_size) => base_lr * CheckBatch(batch_size) / 256.0;

    public static double SqrtScaledLr(double base_lr, int batch_size) => base_lr * Math.Sqrt(CheckBatch(batch_size));

    static int CheckBatch(int batch_size) =>
        batch_size > 0 ? batch_size : throw new ArgumentException($"The batch size must be positive, got {batch_size}.");
}
