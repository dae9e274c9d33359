using Vigil.Domain.Evidence;

namespace Vigil.Pipeline.Evidence.Artefacts;

/// <summary>The outcome of an artefact command: the artefact (and its content, for a download), not found, or refused.</summary>
public sealed record ArtefactOutcome(Artefact? Artefact, byte[]? Content, bool NotFound, string? Refusal)
{
    public static ArtefactOutcome Ok(Artefact artefact, byte[]? content = null) => new(artefact, content, false, null);

    public static ArtefactOutcome Missing() => new(null, null, true, null);

    public static ArtefactOutcome Refused(string reason) => new(null, null, false, reason);
}
