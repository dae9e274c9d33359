namespace Vigil.Pipeline.Normalize;

/// <summary>
/// How an event differed from what its mapping expects, so the caller can count drift per source:
/// fields the mapping reads that were absent, fields the mapping does not know (kept in <c>unmapped</c>),
/// and fields whose JSON kind changed.
/// </summary>
public sealed record SchemaDrift
{
    public static SchemaDrift None { get; } = new();

    public IReadOnlyList<string> MissingFields { get; init; } = [];

    public IReadOnlyList<string> NewFields { get; init; } = [];

    public IReadOnlyList<RetypedField> RetypedFields { get; init; } = [];

    public bool IsEmpty => MissingFields.Count == 0 && NewFields.Count == 0 && RetypedFields.Count == 0;
}
