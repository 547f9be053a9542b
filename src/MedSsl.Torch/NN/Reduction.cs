namespace MedSsl.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>How a loss folds its per-element values; the codes are at::Reduction's.</summary>
        public enum Reduction
        {
            None = 0,
            Mean = 1,
            Sum = 2,
        }
    }
}
