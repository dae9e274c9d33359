namespace Vigil.Domain.Cases;

/// <summary>Wire names (snake_case) for case enums, used by the API, the CLI and storage alike.</summary>
public static class CaseNames
{
    public static string ToWire(this CaseState state) => state switch
    {
        CaseState.Normalised => "normalised",
        CaseState.Enriched => "enriched",
        CaseState.Correlated => "correlated",
        CaseState.Recommended => "recommended",
        CaseState.Approved => "approved",
        CaseState.Executed => "executed",
        CaseState.Recovered => "recovered",
        CaseState.Learned => "learned",
        CaseState.Closed => "closed",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    public static string ToWire(this Classification classification) => classification switch
    {
        Classification.TruePositive => "true_positive",
        Classification.BenignPositive => "benign_positive",
        Classification.FalsePositive => "false_positive",
        Classification.Duplicate => "duplicate",
        Classification.Suppressed => "suppressed",
        _ => throw new ArgumentOutOfRangeException(nameof(classification), classification, null),
    };

    public static bool TryParseState(string? text, out CaseState state)
    {
        foreach (var candidate in Enum.GetValues<CaseState>())
        {
            if (string.Equals(candidate.ToWire(), text?.Trim(), StringComparison.OrdinalIgnoreCase)
                || string.Equals(candidate.ToString(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                state = candidate;
                return true;
            }
        }

        state = default;
        return false;
    }

    public static bool TryParseClassification(string? text, out Classification classification)
    {
        var normalised = text?.Trim().Replace('-', '_').Replace(' ', '_');
        foreach (var candidate in Enum.GetValues<Classification>())
        {
            if (string.Equals(candidate.ToWire(), normalised, StringComparison.OrdinalIgnoreCase)
                || string.Equals(candidate.ToString(), normalised, StringComparison.OrdinalIgnoreCase))
            {
                classification = candidate;
                return true;
            }
        }

        classification = default;
        return false;
    }
}
