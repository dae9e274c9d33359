namespace Vigil.Pipeline.Correlate;

/// <summary>Join <see cref="ExistingCaseId"/>, or open a new case when it is null; <see cref="Reason"/> goes to the ledger.</summary>
public sealed record CaseAssignment(string? ExistingCaseId, string Reason)
{
    /// <summary>The grouping rule that decided, when one applied.</summary>
    public string? Rule { get; init; }

    /// <summary>The entity keys the alert shares with the case it joined (empty when it opened one).</summary>
    public IReadOnlyList<string> Matched { get; init; } = [];

    /// <summary>Set when the alert opens a new case only because this full case reached its cap.</summary>
    public string? OverflowOf { get; init; }

    public static CaseAssignment OpenNew(string reason) => new(null, reason);

    public static CaseAssignment Join(string caseId, string reason) => new(caseId, reason);
}
