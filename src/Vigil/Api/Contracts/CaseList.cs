using Vigil.Domain.Cases;

namespace Vigil.Api.Contracts;

/// <summary>A page of cases; pass <see cref="NextCursor"/> as <c>cursor</c> for the next (also in the Link header).</summary>
internal sealed record CaseList(IReadOnlyList<Case> Items, string? NextCursor);
