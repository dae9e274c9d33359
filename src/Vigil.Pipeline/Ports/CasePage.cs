using Vigil.Domain.Cases;

namespace Vigil.Pipeline.Ports;

/// <summary>A page of cases; <see cref="Next"/> is the cursor for the following page, null on the last.</summary>
public sealed record CasePage(IReadOnlyList<Case> Items, string? Next);
