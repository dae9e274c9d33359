namespace Vigil.Domain.Cases;

public sealed record CaseClosure(Classification Classification, string Note, string? RootCause);
