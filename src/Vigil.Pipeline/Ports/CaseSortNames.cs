namespace Vigil.Pipeline.Ports;

/// <summary>The wire names of <see cref="CaseSort"/>, shared by the API's <c>sort</c> parameter and the CLI's <c>--sort</c>.</summary>
public static class CaseSortNames
{
    public static IReadOnlyList<string> All { get; } = [.. Enum.GetValues<CaseSort>().Select(ToWire)];

    public static string ToWire(this CaseSort sort) => sort switch
    {
        CaseSort.OpenedDesc => "opened_desc",
        CaseSort.OpenedAsc => "opened_asc",
        CaseSort.SeverityDesc => "severity_desc",
        CaseSort.SlaDueAsc => "sla_due_asc",
        CaseSort.UpdatedDesc => "updated_desc",
        _ => throw new ArgumentOutOfRangeException(nameof(sort), sort, null),
    };

    /// <summary>Parses a wire name (case-insensitive, '-' accepted for '_'); empty means the default, newest first.</summary>
    public static bool TryParse(string? text, out CaseSort sort)
    {
        sort = CaseSort.OpenedDesc;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var wire = text.Trim().Replace('-', '_');
        foreach (var candidate in Enum.GetValues<CaseSort>())
        {
            if (string.Equals(candidate.ToWire(), wire, StringComparison.OrdinalIgnoreCase))
            {
                sort = candidate;
                return true;
            }
        }

        return false;
    }
}
