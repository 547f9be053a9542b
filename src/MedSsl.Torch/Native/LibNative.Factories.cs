using System.Runtime.InteropServices;

namespace MedSsl.Torch.Native;

// factories.cpp: creation, random numbers, generators, conversions.
internal static unsafe partial class LibNative
{
    [LibraryImport(L)] internal static partial TensorHandle mt_empty(long* shape, int ndim, int dtype, int devType, int devIndex, int requiresGrad);
    [LibraryImport(L)] internal static partial TensorHandle mt_zeros(long* shape, int ndim, int dtype, int devType, int devIndex, int requiresGrad);
    [LibraryImport(L)] internal static partial TensorHandle mt_ones(long* shape, int ndim, int dtype, int devType, int devIndex, int requiresGrad);
    [LibraryImport(L)] internal static partial TensorHandle mt_full(long* shape, int ndim, double value, int dtype, int devType, int devIndex, int requiresGrad);
    [LibraryImport(L)] internal static partial TensorHandle mt_arange(double start, double end, double step, int dtype, int devType, int devIndex, int requiresGrad);
    [LibraryImport(L)] internal static partial TensorHandle mt_linspace(double start, double end, long steps, int dtype, int devType, int devIndex, int requiresGrad);
    [LibraryImport(L)] internal static partial TensorHandle mt_eye(long n, long m, int dtype, int devType, int devIndex, int requiresGrad);
    [LibraryImport(L)] internal static partial TensorHandle mt_randn(long* shape, int ndim, GeneratorHandle g, int dtype, int devType, int devIndex, int requiresGrad);
    [LibraryImport(L)] internal static partial TensorHandle mt_rand(long* shape, int ndim, GeneratorHandle g, int dtype, int devType, int devIndex, int requiresGrad);
    [LibraryImport(L)] internal static partial TensorHandle mt_randint(long low, long high, long* shape, int ndim, GeneratorHandle g, int dtype, int devType, int devIndex, int requiresGrad);
    [LibraryImport(L)] internal static partial TensorHandle mt_randperm(long n, GeneratorHandle g, int dtype, int devType, int devIndex, int requiresGrad);
    [LibraryImport(L)] internal static partial int mt_uniform_(TensorHandle t, double from, double to, GeneratorHandle g);
    [LibraryImport(L)] internal static partial int mt_normal_(TensorHandle t, double mean, double std, GeneratorHandle g);
    [LibraryImport(L)] internal static partial int mt_bernoulli_(TensorHandle t, double p, GeneratorHandle g);
    [LibraryImport(L)] internal static partial TensorHandle mt_multinomial(TensorHandle probs, long n, int replacement, GeneratorHandle g);

    [LibraryImport(L)] internal static partial GeneratorHandle mt_generator_new(ulong seed);
    [LibraryImport(L)] internal static partial void mt_generator_free(IntPtr g);
    [LibraryImport(L)] internal static partial int mt_generator_seed(GeneratorHandle g, ulong seed);
    [LibraryImport(L)] internal static partial ulong mt_generator_initial_seed(GeneratorHandle g);
    [LibraryImport(L)] internal static partial TensorHandle mt_generator_get_state(GeneratorHandle g);
    [LibraryImport(L)] internal static partial int mt_generator_set_state(GeneratorHandle g, TensorHandle state);
    [LibraryImport(L)] internal static partial TensorHandle mt_default_generator_get_state();
    [LibraryImport(L)] internal static partial int mt_default_generator_set_state(TensorHandle state);

    [LibraryImport(L)] internal static partial TensorHandle mt_to(TensorHandle t, int dtype, int devType, int devIndex, int nonBlocking, int copy);
    [LibraryImport(L)] internal static partial TensorHandle mt_contiguous(TensorHandle t, int memoryFormat);
    [LibraryImport(L)] internal static partial TensorHandle mt_to_memory_format(TensorHandle t, int memoryFormat);
    [LibraryImport(L)] internal static partial TensorHandle mt_pin_memory(TensorHandle t);
    [LibraryImport(L)] internal static partial TensorHandle mt_clone(TensorHandle t);
    [LibraryImport(L)] internal static partial int mt_copy_(TensorHandle dst, TensorHandle src, int nonBlocking);
    [LibraryImport(L)] internal static partial TensorHandle mt_zeros_like(TensorHandle t);
    [LibraryImport(L)] internal static partial TensorHandle mt_ones_like(TensorHandle t);
    [LibraryImport(L)] internal static partial TensorHandle mt_empty_like(TensorHandle t);
    [LibraryImport(L)] internal static partial TensorHandle mt_full_like(TensorHandle t, double v);
    [LibraryImport(L)] internal static partial TensorHandle mt_randn_like(TensorHandle t);
    [LibraryImport(L)] internal static partial TensorHandle mt_rand_like(TensorHandle t);
}
