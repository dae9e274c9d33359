using Vigil.Domain.Cases;

namespace Vigil.Pipeline.Cases;

/// <summary>The outcome of a case command: done (with the case as it is now), not found, refused (why), or a lost race.</summary>
public sealed record CaseResult(CaseResultKind Kind, Case? Case, string? Problem)
{
    public static CaseResult Done(Case @case) => new(CaseResultKind.Done, @case, null);

    public static CaseResult NotFound(string id) => new(CaseResultKind.NotFound, null, $"no case {id}");

    public static CaseResult Refused(Case? @case, string problem) => new(CaseResultKind.Refused, @case, problem);

    public static CaseResult Conflict(string id) => new(CaseResultKind.Conflict, null, $"case {id} was changed by someone else; reload and retry");
}
