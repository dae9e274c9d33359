namespace Vigil.Api.Contracts;

public sealed record PackageVerifyReport(bool Valid, string? CaseId, string? KeyId, int LedgerEntries, string? Sha256, IReadOnlyList<string> Problems);
