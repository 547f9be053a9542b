using MedSsl.Torch.Modules;

namespace MedSsl.Torch;

public static partial class torch
{
    // Layer factories named as PyTorch's classes (TorchSharp style): torch.nn.Linear(512, 128) builds a
    // MedSsl.Torch.Modules.Linear. Arguments and defaults are PyTorch's.
    public static partial class nn
    {
        public static Modules.Linear Linear(long in_features, long out_features, bool bias = true, Device? device = null,
                                            ScalarType? dtype = null) => new(in_features, out_features, bias, device, dtype);

        public static Modules.Conv2d Conv2d(long in_channels, long out_channels, Size2 kernel_size, Size2? stride = null,
                                            Size2? padding = null, Size2? dilation = null, long groups = 1, bool bias = true,
                                            string padding_mode = "zeros", Device? device = null, ScalarType? dtype = null) =>
            new(in_channels, out_channels, kernel_size, stride, padding, dilation, groups, bias, padding_mode, device, dtype);

        public static Modules.BatchNorm1d BatchNorm1d(long num_features, double eps = 1e-5, double? momentum = 0.1, bool affine = true,
                                                      bool track_running_stats = true, Device? device = null, ScalarType? dtype = null) =>
            new(num_features, eps, momentum, affine, track_running_stats, device, dtype);

        public static Modules.BatchNorm2d BatchNorm2d(long num_features, double eps = 1e-5, double? momentum = 0.1, bool affine = true,
                                                      bool track_running_stats = true, Device? device = null, ScalarType? dtype = null) =>
            new(num_features, eps, momentum, affine, track_running_stats, device, dtype);

        public static Modules.GroupNorm GroupNorm(long num_groups, long num_channels, double eps = 1e-5, bool affine = true,
                                                  Device? device = null, ScalarType? dtype = null) =>
            new(num_groups, num_channels, eps, affine, device, dtype);

        public static Modules.LayerNorm LayerNorm(long normalized_shape, double eps = 1e-5, bool elementwise_affine = true,
                                                  Device? device = null, ScalarType? dtype = null) =>
            new(normalized_shape, eps, elementwise_affine, device, dtype);

        public static Modules.LayerNorm LayerNorm(long[] normalized_shape, double eps = 1e-5, bool elementwise_affine = true,
                                                  Device? device = null, ScalarType? dtype = null) =>
            new(normalized_shape, eps, elementwise_affine, device, dtype);

        public static Modules.ReLU ReLU(bool inplace = false) => new(inplace);
        public static Modules.GELU GELU(string approximate = "none") => new(approximate);
        public static Modules.SiLU SiLU(bool inplace = false) => new(inplace);
        public static Modules.LeakyReLU LeakyReLU(double negative_slope = 0.01, bool inplace = false) => new(negative_slope, inplace);
        public static Modules.Sigmoid Sigmoid() => new();
        public static Modules.Tanh Tanh() => new();
        public static Modules.Identity Identity() => new();
        public static Modules.Flatten Flatten(long start_dim = 1, long end_dim = -1) => new(start_dim, end_dim);
        public static Modules.Dropout Dropout(double p = 0.5, bool inplace = false) => new(p, inplace);

        public static Modules.MaxPool2d MaxPool2d(Size2 kernel_size, Size2? stride = null, Size2? padding = null,
                                                  Size2? dilation = null, bool ceil_mode = false) =>
            new(kernel_size, stride, padding, dilation, ceil_mode);

        public static Modules.AvgPool2d AvgPool2d(Size2 kernel_size, Size2? stride = null, Size2? padding = null, bool ceil_mode = false,
                                                  bool count_include_pad = true, long? divisor_override = null) =>
            new(kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override);

        public static Modules.AdaptiveAvgPool2d AdaptiveAvgPool2d(Size2 output_size) => new(output_size);
        public static Modules.AdaptiveMaxPool2d AdaptiveMaxPool2d(Size2 output_size) => new(output_size);

        public static Modules.Sequential Sequential() => new();
        public static Modules.Sequential Sequential(params Module<Tensor, Tensor>[] modules) => new(modules);
        public static Modules.Sequential Sequential(params (string name, Module<Tensor, Tensor> module)[] modules) => new(modules);
        public static ModuleList<T> ModuleList<T>(params T[] modules) where T : Module => new(modules);
        public static ModuleDict<T> ModuleDict<T>(params (string name, T module)[] modules) where T : Module => new(modules);

        public static Modules.CrossEntropyLoss CrossEntropyLoss(Tensor? weight = null, long ignore_index = -100,
                                                                Reduction reduction = Reduction.Mean, double label_smoothing = 0.0) =>
            new(weight, ignore_index, reduction, label_smoothing);

        public static Modules.NLLLoss NLLLoss(Tensor? weight = null, long ignore_index = -100, Reduction reduction = Reduction.Mean) =>
            new(weight, ignore_index, reduction);

        public static Modules.BCEWithLogitsLoss BCEWithLogitsLoss(Tensor? weight = null, Reduction reduction = Reduction.Mean,
                                                                  Tensor? pos_weight = null) => new(weight, reduction, pos_weight);

        public static Modules.MSELoss MSELoss(Reduction reduction = Reduction.Mean) => new(reduction);
        public static Modules.L1Loss L1Loss(Reduction reduction = Reduction.Mean) => new(reduction);
    }
}
