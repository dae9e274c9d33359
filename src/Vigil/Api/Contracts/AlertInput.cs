using System.ComponentModel;

namespace Vigil.Api.Contracts;

/// <summary>
/// The shape of one submitted alert, for the OpenAPI document. The endpoint parses the body itself
/// (AlertSubmissionParser), so that every error is reported with its path and the raw text is kept verbatim.
/// </summary>
internal sealed record AlertInput
{
    [Description("Sending system, 1-64 characters of a-z 0-9 . _ - (e.g. crowdstrike, aws_guardduty).")]
    public required string Source { get; init; }

    [Description("The vendor's id for the alert; repeats with the same source and source_ref are one alert. Derived from the payload when absent.")]
    public string? SourceRef { get; init; }

    public required string Title { get; init; }

    public string? Description { get; init; }

    [Description("informational, low, medium, high, critical, or 0-5.")]
    public required string Severity { get; init; }

    [Description("ISO-8601 time, or epoch seconds or milliseconds. Defaults to the time of receipt.")]
    public string? OccurredAt { get; init; }

    public IReadOnlyList<EntityInput>? Entities { get; init; }

    public IReadOnlyList<string>? Tags { get; init; }

    [Description("The vendor's original alert, kept verbatim as the alert's raw payload.")]
    public object? Raw { get; init; }
}
