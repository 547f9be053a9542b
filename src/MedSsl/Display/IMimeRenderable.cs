namespace MedSsl.Display;

/// <summary>
/// An object that renders itself for notebooks: MIME type → content ("text/plain", "text/html",
/// "image/png" as base64, "application/vnd.plotly.v1+json" as a JSON string). The kernel and the headless
/// runner show the richest type the front end supports; text/plain must always be present.
/// </summary>
public interface IMimeRenderable
{
    IReadOnlyDictionary<string, string> ToMimeBundle();
}
