namespace Vigil.Api.Contracts;

/// <summary>The new owner; null unassigns.</summary>
internal sealed record AssignRequest
{
    public required string? Owner { get; init; }
}
