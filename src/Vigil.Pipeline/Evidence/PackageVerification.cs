namespace Vigil.Pipeline.Evidence;

/// <summary>The result of checking a package offline. <see cref="Problems"/> is empty exactly when it verifies.</summary>
public sealed record PackageVerification
{
    public required IReadOnlyList<string> Problems { get; init; }

    public string? KeyId { get; init; }

    public string? CaseId { get; init; }

    public int LedgerEntries { get; init; }

    public string? Digest { get; init; }

    public EvidencePackage? Package { get; init; }

    public bool IsValid => Problems.Count == 0;
}
