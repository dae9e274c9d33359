using Vigil.Domain.Alerts;

namespace Vigil.Pipeline.Ingest;

/// <summary>A parsed submission: the drafts, or every error found (nothing is stored when there is any).</summary>
public sealed record AlertSubmission(IReadOnlyList<AlertDraft> Drafts, IReadOnlyList<InputError> Errors, bool IsBatch)
{
    public bool IsValid => Errors.Count == 0;

    /// <summary>The source named by the submission, for dead-lettering; "unknown" when none could be read.</summary>
    public string SourceHint { get; init; } = "unknown";
}
