namespace Vigil.Api.Contracts;

/// <summary>A new key with its token. The token is shown here once and cannot be retrieved again.</summary>
internal sealed record CreatedApiKeyView(ApiKeyView Key, string Token);
