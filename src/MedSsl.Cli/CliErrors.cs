using MedSsl.Training;

namespace MedSsl.Cli;

/// <summary>Turns expected failures (bad arguments, missing files, divergence) into one clear line and exit code 2.</summary>
internal static class CliErrors
{
    public static int Guard(string command, Func<int> run)
    {
        try { return run(); }
        catch (Exception e) when (e is ArgumentException or IOException or InvalidDataException or InvalidOperationException
                                      or TrainingDivergedException or OperationCanceledException)
        {
            Console.Error.WriteLine($"medssl {command}: {e.Message}");
            return 2;
        }
    }

    public static void Positive(string option, double value)
    {
        if (!(value > 0)) throw new ArgumentException($"{option} must be positive, got {value}.");
    }
}
