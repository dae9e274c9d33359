namespace Vigil.Pipeline.Recommend;

/// <summary>Evidence content that reads as an instruction to the analyst (prompt injection): quoted, flagged, never obeyed.</summary>
public sealed record InjectionFlag
{
    public required string EvidenceId { get; init; }

    /// <summary>Which pattern matched, e.g. <c>override_instructions</c>.</summary>
    public required string Pattern { get; init; }

    /// <summary>A short excerpt around the match, as data.</summary>
    public required string Excerpt { get; init; }
}
