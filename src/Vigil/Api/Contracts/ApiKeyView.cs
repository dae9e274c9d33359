using Vigil.Domain.Access;

namespace Vigil.Api.Contracts;

/// <summary>An API key as listed: never its secret or the secret's hash.</summary>
internal sealed record ApiKeyView(string Id, string Name, IReadOnlyList<string> Scopes, string? Source, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? RevokedAt)
{
    public static ApiKeyView From(ApiKeyRecord key) =>
        new(key.Id, key.Name, key.Scopes, key.Source, key.CreatedAt, key.CreatedBy, key.RevokedAt);
}
