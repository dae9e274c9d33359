namespace Vigil.Pipeline.Ingest.Mail;

/// <summary>An attachment of the reported message: what it claims to be and the hashes of its decoded content.</summary>
public sealed record MailAttachment
{
    public required string Filename { get; init; }

    public required string ContentType { get; init; }

    public required long Size { get; init; }

    public required string Sha256 { get; init; }

    public required string Sha1 { get; init; }

    public required string Md5 { get; init; }
}
