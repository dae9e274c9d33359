namespace Vigil.Api.Contracts;

internal sealed record LegalHoldRequest
{
    public required string Reason { get; init; }
}
