using Vigil.Domain.Access;

namespace Vigil.Pipeline.Access;

/// <summary>A new key and its plaintext token, which exists only here: show it once, store only the record.</summary>
public sealed record CreatedApiKey(ApiKeyRecord Record, string Token);
