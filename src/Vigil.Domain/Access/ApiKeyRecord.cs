namespace Vigil.Domain.Access;

/// <summary>
/// A stored API key. Only a SHA-256 of the secret is kept: keys are 256-bit random, so a slow hash adds nothing but
/// latency to every request, while the plaintext is shown once at creation and never again.
/// </summary>
public sealed record ApiKeyRecord
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required IReadOnlyList<string> Scopes { get; init; }

    public required string SecretHash { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required string CreatedBy { get; init; }

    /// <summary>Restricts an ingest key to one named source; null means any source.</summary>
    public string? Source { get; init; }

    public DateTimeOffset? RevokedAt { get; init; }

    public bool IsActive => RevokedAt is null;
}
