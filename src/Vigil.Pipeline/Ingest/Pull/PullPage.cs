using Vigil.Pipeline.Normalize;

namespace Vigil.Pipeline.Ingest.Pull;

/// <summary>One page read from a source: its new events, the cursor that follows them, and whether more are waiting now.</summary>
public sealed record PullPage
{
    public required IReadOnlyList<RawJsonEvent> Events { get; init; }

    /// <summary>The cursor to store once <see cref="Events"/> are committed; reading from it never returns them again.</summary>
    public required string? NextCursor { get; init; }

    /// <summary>True when the source said another page is ready (a next link or token): the run continues at once.</summary>
    public required bool HasMore { get; init; }

    /// <summary>The time of the newest event on the page when the source gives one, for lag.</summary>
    public DateTimeOffset? NewestEventAt { get; init; }
}
