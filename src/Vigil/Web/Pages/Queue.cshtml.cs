using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vigil.Domain;
using Vigil.Domain.Access;
using Vigil.Domain.Cases;
using Vigil.Hosting.Auth;
using Vigil.Pipeline.Cases;
using Vigil.Pipeline.Ports;
using Vigil.Web.Auth;
using Vigil.Web.Queue;

namespace Vigil.Web.Pages;

/// <summary>
/// The queue: one keyset page of cases (the store's indexes keep it fast at any depth), most urgent first by default,
/// with bulk assign and close. <c>?handler=Rows</c> answers just the table body, which the page's script polls.
/// </summary>
[ConsolePermission(Permissions.CaseRead)]
internal sealed class QueueModel(IVigilStore store, CaseService cases, CaseSignalReader signals, TimeProvider time) : PageModel
{
    public static readonly (string Value, string Label)[] StateOptions =
    [
        ("open", "open"), ("all", "all"), ("closed", "closed"),
        .. Enum.GetValues<CaseState>().Where(s => s != CaseState.Closed).Select(s => (s.ToWire(), "only " + s.ToWire())),
    ];

    public static readonly (string Value, string Label)[] SortOptions =
        [("priority", "severity, then SLA"), ("sla", "SLA due first"), ("newest", "newest"), ("oldest", "oldest"), ("updated", "recently updated")];

    public QueueFilter Filter { get; private set; } = new();

    public QueueRows Rows { get; private set; } = new([], DateTimeOffset.MinValue);

    public string? Next { get; private set; }

    public long OpenCount { get; private set; }

    public IReadOnlyList<SavedView> Views { get; private set; } = [];

    public bool CanWrite => User.HasPermission(Permissions.CaseWrite);

    public bool CanClose => User.HasPermission(Permissions.CaseClose);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!User.HasPermission(Permissions.CaseRead))
        {
            return NotFound();
        }

        await LoadAsync(cancellationToken);
        OpenCount = (await store.GetStatsAsync(cancellationToken)).OpenCases;
        Views = await store.ListSavedViewsAsync(User.Username()!, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetRowsAsync(CancellationToken cancellationToken)
    {
        if (!User.HasPermission(Permissions.CaseRead))
        {
            return NotFound();
        }

        await LoadAsync(cancellationToken);
        Response.Headers.CacheControl = "no-store";
        return Partial("_QueueRows", Rows);
    }

    public async Task<IActionResult> OnPostBulkAsync(string? op, string[]? ids, string? owner, string? classification, string? note, string? returnQuery, CancellationToken cancellationToken)
    {
        var back = "/queue" + (returnQuery is { Length: > 0 } q && q[0] == '?' ? q : string.Empty);
        var needed = op == "close" ? Permissions.CaseClose : Permissions.CaseWrite;
        if (!User.HasPermission(needed))
        {
            return StatusCode(Microsoft.AspNetCore.Http.StatusCodes.Status403Forbidden);
        }

        if (ids is not { Length: > 0 })
        {
            TempData["Error"] = "Select at least one case (x, or the boxes).";
            return LocalRedirect(back);
        }

        var actor = User.ToActor();
        var done = 0;
        var problems = new List<string>();
        foreach (var id in ids.Distinct(StringComparer.Ordinal).Take(500))
        {
            CaseResult result;
            switch (op)
            {
                case "assign_me":
                    result = await cases.AssignAsync(id, User.Username(), actor, cancellationToken);
                    break;
                case "assign" when !string.IsNullOrWhiteSpace(owner):
                    result = await cases.AssignAsync(id, owner.Trim().ToLowerInvariant(), actor, cancellationToken);
                    break;
                case "close" when CaseNames.TryParseClassification(classification, out var kind) && !string.IsNullOrWhiteSpace(note):
                    result = await cases.CloseAsync(id, new CaseClosure(kind, note.Trim(), null), actor, cancellationToken);
                    break;
                case "close":
                    TempData["Error"] = "Closing needs a classification and a note.";
                    return LocalRedirect(back);
                default:
                    TempData["Error"] = "Choose who to assign the cases to.";
                    return LocalRedirect(back);
            }

            if (result.Kind == CaseResultKind.Done)
            {
                done++;
            }
            else
            {
                problems.Add(result.Problem ?? id);
            }
        }

        TempData["Flash"] = $"{done} case(s) updated.";
        if (problems.Count > 0)
        {
            TempData["Error"] = string.Join("; ", problems.Take(5));
        }

        return LocalRedirect(back);
    }

    public async Task<IActionResult> OnPostSaveViewAsync(string? name, string? query, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name) || query is null || (query.Length > 0 && query[0] != '?') || query.Length > 1000)
        {
            TempData["Error"] = "Give the view a name.";
            return LocalRedirect("/queue" + query);
        }

        await using var transaction = await store.BeginAsync(cancellationToken);
        await transaction.SaveViewAsync(new SavedView
        {
            Id = Ids.New("viw", time.GetUtcNow()),
            Owner = User.Username()!,
            Name = name.Trim()[..Math.Min(name.Trim().Length, 60)],
            Query = query,
            CreatedAt = time.GetUtcNow(),
        }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        TempData["Flash"] = $"Saved view \"{name.Trim()}\".";
        return LocalRedirect("/queue" + query);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Filter = QueueFilter.From(Request.Query);
        CasePage page;
        try
        {
            page = await store.ListCasesAsync(Filter.ToQuery(User.Username()!), cancellationToken);
        }
        catch (FormatException)
        {
            // A stale or edited cursor: start again from the first page rather than fail.
            Filter = Filter with { After = null };
            page = await store.ListCasesAsync(Filter.ToQuery(User.Username()!), cancellationToken);
        }

        var known = await signals.ReadAsync(page.Items, cancellationToken);
        Rows = new QueueRows(page.Items.Select(c => new QueueRow(c, known[c.Id])).ToArray(), time.GetUtcNow());
        Next = page.Next;
    }
}
