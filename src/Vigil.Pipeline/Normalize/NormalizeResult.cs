using Vigil.Domain.Events;
using Vigil.Pipeline.Normalize.Ocsf;

namespace Vigil.Pipeline.Normalize;

/// <summary>
/// The outcome of normalising one event. On failure <see cref="Failure"/> says why (for the dead letter);
/// <see cref="Event"/> may still be present when only OCSF validation failed, so tools can show it.
/// </summary>
public sealed record NormalizeResult
{
    public required string Source { get; init; }

    public NormalizedEvent? Event { get; init; }

    public string? Failure { get; init; }

    public SchemaDrift Drift { get; init; } = SchemaDrift.None;

    public IReadOnlyList<OcsfFinding> Findings { get; init; } = [];

    public bool Succeeded => Failure is null && Event is not null;

    public static NormalizeResult Failed(string source, string reason, SchemaDrift? drift = null) =>
        new() { Source = source, Failure = reason, Drift = drift ?? SchemaDrift.None };
}
