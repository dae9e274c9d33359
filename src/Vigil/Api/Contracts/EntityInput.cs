namespace Vigil.Api.Contracts;

/// <summary>An observable named in an alert: type (user, host, ip, domain, url, file_hash, email, ...) and value.</summary>
internal sealed record EntityInput(string Type, string Value);
