namespace Vigil.Domain.Evidence;

/// <summary>A case under legal hold: retention disposes of nothing of it until the hold is released.</summary>
public sealed record LegalHold(string CaseId, string Reason, string SetBy, DateTimeOffset SetAt);
