namespace Vigil.Api.Contracts;

internal sealed record DeadLetterList(IReadOnlyList<DeadLetterSummary> Items, string? NextCursor);
