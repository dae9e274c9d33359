using Vigil.Domain.Alerts;
using Vigil.Pipeline.Normalize;

namespace Vigil.Pipeline.Ingest;

/// <summary>A batch of raw events after normalisation: the alerts they become (with the source that mapped each) and those that failed, with why.</summary>
public sealed record NormalizedBatch(
    IReadOnlyList<AlertDraft> Drafts,
    IReadOnlyList<string> DraftSources,
    IReadOnlyList<NormalizeFailure> Failures,
    int Drifted);
