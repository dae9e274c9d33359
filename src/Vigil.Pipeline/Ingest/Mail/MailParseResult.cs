namespace Vigil.Pipeline.Ingest.Mail;

/// <summary>The reports read from one mail (one per attached message), or why none could be.</summary>
public sealed record MailParseResult
{
    public IReadOnlyList<PhishingReport> Reports { get; init; } = [];

    public string? Error { get; init; }

    public bool Succeeded => Error is null;

    public static MailParseResult Failed(string error) => new() { Error = error };
}
