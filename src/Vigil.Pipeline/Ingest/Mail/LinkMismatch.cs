namespace Vigil.Pipeline.Ingest.Mail;

/// <summary>An HTML link whose visible text shows one host while its href goes to another.</summary>
public sealed record LinkMismatch
{
    public required string Href { get; init; }

    public required string Text { get; init; }
}
