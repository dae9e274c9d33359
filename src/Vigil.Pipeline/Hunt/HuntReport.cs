namespace Vigil.Pipeline.Hunt;

/// <summary>What a hunt read, matched and made.</summary>
public sealed record HuntReport
{
    public required int Files { get; init; }

    public required long EventsRead { get; init; }

    /// <summary>Events a source mapping normalised (their entities and time come from it).</summary>
    public required long EventsNormalized { get; init; }

    /// <summary>Lines that were not JSON, with file and line, so a responder knows what was not looked at.</summary>
    public required IReadOnlyList<string> Unreadable { get; init; }

    public required long Matches { get; init; }

    public required int AlertsStored { get; init; }

    /// <summary>Alerts already in the store (a hunt re-run over the same bundle with --store).</summary>
    public required int AlertsDeduplicated { get; init; }

    public required IReadOnlyList<HuntCase> Cases { get; init; }
}
