using System.Text;
using Vigil.Domain;
using Vigil.Domain.Cases;
using Vigil.Pipeline.Ports;

namespace Vigil.Web.Queue;

/// <summary>
/// The queue's filter as it travels in the query string (so a view is a bookmarkable URL and a saved view is just
/// that string): state, minimum severity, owner, title text, sort and the keyset cursor.
/// </summary>
internal sealed record QueueFilter
{
    public string State { get; init; } = "open";

    public string? Severity { get; init; }

    public string? Owner { get; init; }

    public string? Text { get; init; }

    public string Sort { get; init; } = "priority";

    public string? After { get; init; }

    public int Limit { get; init; } = 50;

    public static QueueFilter From(Microsoft.AspNetCore.Http.IQueryCollection query) => new()
    {
        State = Blank(query["state"]) ?? "open",
        Severity = Blank(query["sev"]),
        Owner = Blank(query["owner"]),
        Text = Blank(query["q"]),
        Sort = Blank(query["sort"]) ?? "priority",
        After = Blank(query["after"]),
        Limit = int.TryParse(query["limit"], out var limit) ? Math.Clamp(limit, 10, 200) : 50,
    };

    public CaseQuery ToQuery(string me)
    {
        IReadOnlyList<CaseState>? states = CaseNames.TryParseState(State, out var one) ? [one] : null;
        return new CaseQuery
        {
            States = states,
            Open = states is null ? State switch { "all" => null, "closed" => false, _ => true } : null,
            MinSeverity = SeverityNames.TryParse(Severity, out var severity) ? severity : null,
            Owner = Owner == "me" ? me : Owner,
            Text = Text,
            Sort = Sort switch
            {
                "sla" => CaseSort.SlaDueAsc,
                "newest" => CaseSort.OpenedDesc,
                "oldest" => CaseSort.OpenedAsc,
                "updated" => CaseSort.UpdatedDesc,
                _ => CaseSort.SeverityDesc,
            },
            Limit = Limit,
            After = After,
        };
    }

    /// <summary>The query string for this filter (without the cursor unless <paramref name="after"/> is given).</summary>
    public string ToQueryString(string? after = null)
    {
        var text = new StringBuilder();
        Add(text, "state", State == "open" ? null : State);
        Add(text, "sev", Severity);
        Add(text, "owner", Owner);
        Add(text, "q", Text);
        Add(text, "sort", Sort == "priority" ? null : Sort);
        Add(text, "limit", Limit == 50 ? null : Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add(text, "after", after);
        return text.Length == 0 ? string.Empty : "?" + text.ToString(1, text.Length - 1);
    }

    private static void Add(StringBuilder text, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            text.Append('&').Append(key).Append('=').Append(Uri.EscapeDataString(value));
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
