namespace MedSsl.Torch;

/// <summary>
/// Makes every data error of a load name its file: errors raised below the readers (a corrupt zip
/// directory, a broken deflate stream) come without one, so they are re-raised with the path in front.
/// </summary>
internal static class FileErrors
{
    public static T Named<T>(string path, Func<T> load)
    {
        try
        {
            return load();
        }
        catch (InvalidDataException e) when (!e.Message.StartsWith(path, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
        catch (NotSupportedException e) when (!e.Message.StartsWith(path, StringComparison.Ordinal))
        {
            throw new NotSupportedException($"{path}: {e.Message}", e);
        }
    }
}
