using System.ComponentModel;

namespace Vigil.Api.Contracts;

/// <summary>Moves a case: to a lifecycle state, to <c>closed</c> (with classification and note), or <c>reopened</c>.</summary>
internal sealed record TransitionRequest
{
    [Description("Target: enriched, correlated, recommended, approved, executed, recovered, learned, closed or reopened.")]
    public required string To { get; init; }

    [Description("Why; required to reopen.")]
    public string? Reason { get; init; }

    [Description("Required to close: true_positive, benign_positive, false_positive, duplicate or suppressed.")]
    public string? Classification { get; init; }

    [Description("Required to close: what was found.")]
    public string? Note { get; init; }

    public string? RootCause { get; init; }
}
