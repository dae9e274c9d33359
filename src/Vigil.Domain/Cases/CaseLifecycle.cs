namespace Vigil.Domain.Cases;

/// <summary>
/// The case state machine. Forward moves follow the pipeline; a stage may be skipped only where it can have nothing
/// to do (nothing to enrich; no action needed after a recommendation; nothing to recover after an action). Any open
/// case may be closed with a classification; a closed case may be reopened, which returns it to where it was.
/// </summary>
public static class CaseLifecycle
{
    private static readonly Dictionary<CaseState, CaseState[]> Forward = new()
    {
        [CaseState.Normalised] = [CaseState.Enriched, CaseState.Correlated],
        [CaseState.Enriched] = [CaseState.Correlated],
        [CaseState.Correlated] = [CaseState.Recommended],
        // A recommendation that needs no action goes straight to learning; a rejected approval goes back.
        [CaseState.Recommended] = [CaseState.Approved, CaseState.Learned],
        [CaseState.Approved] = [CaseState.Executed, CaseState.Recommended],
        [CaseState.Executed] = [CaseState.Recovered, CaseState.Learned],
        [CaseState.Recovered] = [CaseState.Learned],
        [CaseState.Learned] = [],
        [CaseState.Closed] = [],
    };

    /// <summary>The states an open case can move to next, closure excluded (it is always allowed while open).</summary>
    public static IReadOnlyList<CaseState> NextStates(CaseState from) => Forward[from];

    public static bool CanMove(CaseState from, CaseState to) =>
        to == CaseState.Closed ? from != CaseState.Closed : Array.IndexOf(Forward[from], to) >= 0;

    public static CaseChange Move(Case current, CaseState to, DateTimeOffset at)
    {
        if (to == CaseState.Closed)
        {
            return CaseChange.Refused(current, "closing a case needs a classification and a note: use the closure form");
        }

        if (current.State == CaseState.Closed)
        {
            return CaseChange.Refused(current, "the case is closed; reopen it first");
        }

        if (!CanMove(current.State, to))
        {
            var allowed = string.Join(", ", Forward[current.State].Select(s => s.ToWire()).Append("closed"));
            return CaseChange.Refused(current, $"a case cannot move from {current.State.ToWire()} to {to.ToWire()}; allowed: {allowed}");
        }

        return CaseChange.Accepted(current, current with { State = to, UpdatedAt = at, Version = current.Version + 1 });
    }

    public static CaseChange Close(Case current, CaseClosure closure, DateTimeOffset at)
    {
        if (current.State == CaseState.Closed)
        {
            return CaseChange.Refused(current, "the case is already closed");
        }

        if (string.IsNullOrWhiteSpace(closure.Note))
        {
            return CaseChange.Refused(current, "a closure note is required");
        }

        return CaseChange.Accepted(current, current with
        {
            State = CaseState.Closed,
            StateBeforeClose = current.State,
            Classification = closure.Classification,
            ClosureNote = closure.Note.Trim(),
            RootCause = string.IsNullOrWhiteSpace(closure.RootCause) ? null : closure.RootCause.Trim(),
            ClosedAt = at,
            UpdatedAt = at,
            Version = current.Version + 1,
        });
    }

    public static CaseChange Reopen(Case current, string reason, DateTimeOffset at)
    {
        if (current.State != CaseState.Closed)
        {
            return CaseChange.Refused(current, "only a closed case can be reopened");
        }

        if (current.MergedInto is not null)
        {
            return CaseChange.Refused(current, $"the case was merged into {current.MergedInto}; unmerge it instead");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return CaseChange.Refused(current, "a reason is required to reopen a case");
        }

        return CaseChange.Accepted(current, current with
        {
            State = current.StateBeforeClose ?? CaseState.Correlated,
            StateBeforeClose = null,
            Classification = null,
            ClosureNote = null,
            RootCause = null,
            ClosedAt = null,
            UpdatedAt = at,
            Version = current.Version + 1,
        });
    }

    public static CaseChange Assign(Case current, string? owner, DateTimeOffset at) =>
        current.State == CaseState.Closed
            ? CaseChange.Refused(current, "a closed case cannot be assigned")
            : CaseChange.Accepted(current, current with { Owner = string.IsNullOrWhiteSpace(owner) ? null : owner.Trim(), UpdatedAt = at, Version = current.Version + 1 });

    /// <summary>Raises (never silently lowers) severity; lowering needs a reason and goes through the same path.</summary>
    public static CaseChange SetSeverity(Case current, Severity severity, DateTimeOffset at) =>
        current.State == CaseState.Closed
            ? CaseChange.Refused(current, "a closed case's severity is final")
            : CaseChange.Accepted(current, current with { Severity = severity, UpdatedAt = at, Version = current.Version + 1 });

    /// <summary>Checks a merge of <paramref name="source"/> into <paramref name="target"/>, and returns the closed source.</summary>
    public static CaseChange MergeInto(Case source, Case target, DateTimeOffset at)
    {
        if (source.Id == target.Id)
        {
            return CaseChange.Refused(source, "a case cannot be merged into itself");
        }

        if (target.State == CaseState.Closed)
        {
            return CaseChange.Refused(source, $"the target case {target.Id} is closed");
        }

        if (source.State == CaseState.Closed)
        {
            return CaseChange.Refused(source, $"the case {source.Id} is closed");
        }

        return CaseChange.Accepted(source, source with
        {
            State = CaseState.Closed,
            StateBeforeClose = source.State,
            Classification = Cases.Classification.Duplicate,
            ClosureNote = $"merged into {target.Id}",
            MergedInto = target.Id,
            ClosedAt = at,
            UpdatedAt = at,
            AlertCount = 0,
            Version = source.Version + 1,
        });
    }

    /// <summary>Checks an unmerge of <paramref name="source"/> (previously merged) and returns it reopened.</summary>
    public static CaseChange Unmerge(Case source, DateTimeOffset at)
    {
        if (source.MergedInto is null)
        {
            return CaseChange.Refused(source, "the case was not merged into another case");
        }

        return CaseChange.Accepted(source, source with
        {
            State = source.StateBeforeClose ?? CaseState.Correlated,
            StateBeforeClose = null,
            Classification = null,
            ClosureNote = null,
            MergedInto = null,
            ClosedAt = null,
            UpdatedAt = at,
            Version = source.Version + 1,
        });
    }
}
