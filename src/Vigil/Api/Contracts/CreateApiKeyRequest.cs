namespace Vigil.Api.Contracts;

/// <summary>A new key: a name, its scopes (permissions such as case:read, or *), and optionally the one source it may submit.</summary>
internal sealed record CreateApiKeyRequest
{
    public required string Name { get; init; }

    public required IReadOnlyList<string> Scopes { get; init; }

    public string? Source { get; init; }
}
