namespace Vigil.Pipeline.Correlate;

/// <summary>Join <see cref="ExistingCaseId"/>, or open a new case when it is null; <see cref="Reason"/> goes to the ledger.</summary>
public sealed record CaseAssignment(string? ExistingCaseId, string Reason)
{
    public static CaseAssignment OpenNew(string reason) => new(null, reason);

    public static CaseAssignment Join(string caseId, string reason) => new(caseId, reason);
}
