using Vigil.Domain.Cases;
using Vigil.Domain.Entities;
using Vigil.Pipeline.Correlate;

namespace Vigil.Pipeline.Hunt;

/// <summary>A case a hunt produced: the case, its entities, its timeline with ATT&amp;CK, why its alerts are together, and similar closed cases.</summary>
public sealed record HuntCase(
    Case Case,
    IReadOnlyList<Entity> Entities,
    CaseTimeline Timeline,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<SimilarCase> Similar);
