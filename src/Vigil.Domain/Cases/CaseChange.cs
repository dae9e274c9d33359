namespace Vigil.Domain.Cases;

/// <summary>The outcome of asking <see cref="CaseLifecycle"/> for a change: the new case, or why not.</summary>
public sealed record CaseChange
{
    private CaseChange(Case before, Case? after, string? refusal)
    {
        Before = before;
        After = after;
        Refusal = refusal;
    }

    public Case Before { get; }

    public Case? After { get; }

    public string? Refusal { get; }

    public bool IsAccepted => After is not null;

    public static CaseChange Accepted(Case before, Case after) => new(before, after, null);

    public static CaseChange Refused(Case before, string reason) => new(before, null, reason);
}
