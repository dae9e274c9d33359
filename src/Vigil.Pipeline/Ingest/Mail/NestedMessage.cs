namespace Vigil.Pipeline.Ingest.Mail;

/// <summary>A message attached inside the reported message (also listed, hashed, among its attachments).</summary>
public sealed record NestedMessage
{
    public string? MessageId { get; init; }

    public string? Subject { get; init; }

    public string? From { get; init; }

    public int Depth { get; init; }
}
