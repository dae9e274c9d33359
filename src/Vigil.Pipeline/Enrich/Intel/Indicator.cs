namespace Vigil.Pipeline.Enrich.Intel;

/// <summary>
/// One threat-intelligence observable with its provenance. <see cref="Value"/> is canonical for its type
/// (see <see cref="IndicatorValues"/>), so an index can compare it with an entity's normalised value.
/// </summary>
public sealed record Indicator
{
    public required IndicatorType Type { get; init; }

    public required string Value { get; init; }

    /// <summary>0–100, as in STIX 2.1 section 3.2 (confidence scales map onto it).</summary>
    public required int Confidence { get; init; }

    /// <summary>Who asserted it: the STIX identity name, the MISP creator organisation, the feed name.</summary>
    public required string Source { get; init; }

    /// <summary>The id of the object the indicator came from (STIX id, MISP attribute uuid, CSV file and line).</summary>
    public required string OriginId { get; init; }

    public DateTimeOffset? FirstSeen { get; init; }

    public DateTimeOffset? LastSeen { get; init; }

    /// <summary>The indicator is not to be matched before this time (STIX valid_from).</summary>
    public DateTimeOffset? ValidFrom { get; init; }

    /// <summary>The indicator is stale after this time (STIX valid_until, CSV expires).</summary>
    public DateTimeOffset? ValidUntil { get; init; }

    public IReadOnlyList<string> Labels { get; init; } = [];

    public string? Description { get; init; }

    /// <summary>
    /// Set when the indicator is one part of an AND-ed pattern (STIX "[a = 'x' AND b = 'y']"): the whole pattern
    /// holds only when every part is seen, so a match on one part is reported as partial. Parts of one pattern share
    /// the key; <see cref="CompoundSize"/> says how many parts there are.
    /// </summary>
    public string? CompoundKey { get; init; }

    public int CompoundSize { get; init; } = 1;

    public bool IsCompoundPart => CompoundKey is not null;
}
