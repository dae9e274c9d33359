namespace Vigil.Api.Contracts;

/// <summary>The case to merge into; this case closes as a duplicate and its alerts move there, keeping their origin.</summary>
internal sealed record MergeRequest
{
    public required string Into { get; init; }
}
