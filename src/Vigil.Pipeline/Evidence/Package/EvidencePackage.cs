namespace Vigil.Pipeline.Evidence;

/// <summary>
/// What an evidence package holds: the case and everything recorded about it, with the case's ledger slice so the
/// record can be checked offline. Schema: docs/evidence-package.md. The sections other than <see cref="Ledger"/> are
/// views; the ledger slice is the authority they are read from and checked against.
/// </summary>
public sealed record EvidencePackage
{
    public const string CurrentFormat = "vigil.evidence_package/1";

    public required string Format { get; init; }

    public required string PackageId { get; init; }

    public required DateTimeOffset GeneratedAt { get; init; }

    public required string GeneratedBy { get; init; }

    public required PackageCase Case { get; init; }

    public required IReadOnlyList<PackageAlert> Alerts { get; init; }

    public required IReadOnlyList<PackageEntity> Entities { get; init; }

    public required IReadOnlyList<PackageNote> Notes { get; init; }

    /// <summary>Context fetched for the case's entities (ledger entries of kind enrich*).</summary>
    public required IReadOnlyList<PackageLedgerView> EnrichmentRecord { get; init; }

    /// <summary>Actions requested, run and rolled back: actor, target, inputs, response, status (action*, playbook*).</summary>
    public required IReadOnlyList<PackageLedgerView> ActionLedger { get; init; }

    /// <summary>Recommendations, approvals, rejections and other human decisions with their rationale.</summary>
    public required IReadOnlyList<PackageLedgerView> DecisionRecord { get; init; }

    public required PackageClosure ClosureRecord { get; init; }

    public required IReadOnlyList<PackageTimelineItem> Timeline { get; init; }

    public required PackageLearning Learning { get; init; }

    public required PackageLedger Ledger { get; init; }

    /// <summary>Files attached to the case (hash and metadata; the content is never in a package). Absent in older packages.</summary>
    public IReadOnlyList<PackageArtefact> Artefacts { get; init; } = [];
}
