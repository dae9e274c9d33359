namespace Vigil.Pipeline.Ingest.Mail;

/// <summary>An address from a mail header with its display name, as the phishing mapping reads <c>reporter</c>.</summary>
public sealed record MailParty
{
    public required string Email { get; init; }

    public string? Name { get; init; }
}
