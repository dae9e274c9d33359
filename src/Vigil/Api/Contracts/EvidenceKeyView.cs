namespace Vigil.Api.Contracts;

public sealed record EvidenceKeyView(string KeyId, string Algorithm, string PublicKey, string Pem, DateTimeOffset CreatedAt);
