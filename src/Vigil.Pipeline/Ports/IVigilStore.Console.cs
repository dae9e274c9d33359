namespace Vigil.Pipeline.Ports;

public partial interface IVigilStore
{
    /// <summary>A user's saved queue views, by name.</summary>
    Task<IReadOnlyList<SavedView>> ListSavedViewsAsync(string owner, CancellationToken cancellationToken);

    /// <summary>Every case opened or closed at or after <paramref name="from"/>, and every case still open however old, as facts.</summary>
    Task<IReadOnlyList<CaseFact>> ReadCaseFactsAsync(DateTimeOffset from, CancellationToken cancellationToken);

    /// <summary>Closed cases since <paramref name="from"/> per detection rule they name and per classification.</summary>
    Task<IReadOnlyList<RuleOutcome>> ReadRuleOutcomesAsync(DateTimeOffset from, CancellationToken cancellationToken);
}
