using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vigil.Api;
using Vigil.Detection.Attack;
using Vigil.Domain.Access;
using Vigil.Domain.Alerts;
using Vigil.Domain.Cases;
using Vigil.Domain.Entities;
using Vigil.Domain.Ledger;
using Vigil.Hosting.Auth;
using Vigil.Pipeline.Cases;
using Vigil.Pipeline.Enrich.Sources;
using Vigil.Pipeline.Evidence;
using Vigil.Pipeline.Ports;
using Vigil.Web.Auth;
using Vigil.Web.Queue;

namespace Vigil.Web.Pages.Cases;

/// <summary>
/// One case, everything an analyst needs to decide: where it is in its lifecycle and where it may go, its alerts
/// (raw payloads shown escaped), timeline and entity graph pictures, notes, the closure form and its ledger with the
/// chain's verification. Without case:read the page is a 404, like a case that does not exist.
/// </summary>
[ConsolePermission(Permissions.CaseRead)]
internal sealed class CaseModel(IVigilStore store, CaseService cases, LedgerAuditor auditor, TimeProvider time) : PageModel
{
    public Case? Case { get; private set; }

    public IReadOnlyList<Alert> Alerts { get; private set; } = [];

    public IReadOnlyList<Entity> Entities { get; private set; } = [];

    public IReadOnlyList<CaseNote> Notes { get; private set; } = [];

    public IReadOnlyList<LedgerEntry> Ledger { get; private set; } = [];

    public LedgerVerification? Verification { get; private set; }

    public IReadOnlyList<string> Transitions { get; private set; } = [];

    public CaseSignals Signals { get; private set; } = CaseSignals.None;

    public IReadOnlyList<CaseEnrichment> Enrichments { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public AttackCatalog Attack => AttackCatalog.Enterprise;

    public bool CanWrite => User.HasPermission(Permissions.CaseWrite);

    public bool CanClose => User.HasPermission(Permissions.CaseClose);

    public bool CanReadLedger => User.HasPermission(Permissions.LedgerRead);

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (!User.HasPermission(Permissions.CaseRead) || await store.GetCaseAsync(id, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        Case = found;
        Now = time.GetUtcNow();
        Alerts = await store.GetCaseAlertsAsync(id, cancellationToken);
        Entities = await store.GetCaseEntitiesAsync(id, cancellationToken);
        Notes = await store.GetNotesAsync(id, cancellationToken);
        Transitions = CasesApi.AllowedTransitions(found);
        Enrichments = await store.GetCaseEnrichmentsAsync(id, cancellationToken);
        Signals = CaseSignalReader.FromEnrichments(Enrichments, Now);
        if (CanReadLedger)
        {
            Ledger = await store.ReadLedgerAsync(id, cancellationToken);
            Verification = await auditor.VerifyChainAsync(id, cancellationToken);
        }

        return Page();
    }

    public Task<IActionResult> OnPostTransitionAsync(string id, string? to, string? reason, CancellationToken cancellationToken) =>
        ChangeAsync(id, Permissions.CaseWrite, () => CaseNames.TryParseState(to, out var state) && state != CaseState.Closed
            ? cases.TransitionAsync(id, state, User.ToActor(), Blank(reason), cancellationToken)
            : Task.FromResult(CaseResult.Refused(null, "choose a state")), $"Moved to {to}.");

    public Task<IActionResult> OnPostAssignAsync(string id, string? owner, CancellationToken cancellationToken) =>
        ChangeAsync(id, Permissions.CaseWrite, () => cases.AssignAsync(id, Blank(owner)?.ToLowerInvariant() ?? User.Username(), User.ToActor(), cancellationToken), "Assigned.");

    public async Task<IActionResult> OnPostNoteAsync(string id, string? text, CancellationToken cancellationToken)
    {
        if (!User.HasPermission(Permissions.CaseWrite))
        {
            return DeniedOrMissing();
        }

        if (Blank(text) is not { } note)
        {
            TempData["Error"] = "A note needs text.";
            return Back(id);
        }

        var (result, _) = await cases.AddNoteAsync(id, note, User.ToActor(), cancellationToken);
        return Outcome(id, result, "Note added.");
    }

    public async Task<IActionResult> OnPostCloseAsync(string id, string? classification, string? note, string? rootCause, string? lessons, CancellationToken cancellationToken)
    {
        if (!User.HasPermission(Permissions.CaseClose))
        {
            return DeniedOrMissing();
        }

        if (!CaseNames.TryParseClassification(classification, out var kind) || Blank(note) is not { } text)
        {
            TempData["Error"] = "Closing needs a classification and a note.";
            return Back(id);
        }

        if (Blank(lessons) is { } learned)
        {
            // Lessons are kept as a note so they read in order with the rest of the case and land in its ledger.
            var (noted, _) = await cases.AddNoteAsync(id, "Lessons learned: " + learned, User.ToActor(), cancellationToken);
            if (noted.Kind != CaseResultKind.Done)
            {
                return Outcome(id, noted, string.Empty);
            }
        }

        var result = await cases.CloseAsync(id, new CaseClosure(kind, text, Blank(rootCause)), User.ToActor(), cancellationToken);
        return Outcome(id, result, $"Closed as {ConsoleFormat.Words(kind.ToWire())}.");
    }

    public Task<IActionResult> OnPostReopenAsync(string id, string? reason, CancellationToken cancellationToken) =>
        ChangeAsync(id, Permissions.CaseWrite, () => Blank(reason) is { } why
            ? cases.ReopenAsync(id, why, User.ToActor(), cancellationToken)
            : Task.FromResult(CaseResult.Refused(null, "reopening needs a reason")), "Reopened.");

    public static string PrettyJson(string raw)
    {
        try
        {
            using var document = JsonDocument.Parse(raw);
            return JsonSerializer.Serialize(document.RootElement, Indented);
        }
        catch (JsonException)
        {
            return raw;
        }
    }

    // Relaxed escaping: the text is shown as the attacker wrote it, and Razor HTML-encodes it on output.
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private async Task<IActionResult> ChangeAsync(string id, string permission, Func<Task<CaseResult>> change, string done)
    {
        if (!User.HasPermission(permission))
        {
            return DeniedOrMissing();
        }

        return Outcome(id, await change(), done);
    }

    private IActionResult Outcome(string id, CaseResult result, string done)
    {
        switch (result.Kind)
        {
            case CaseResultKind.NotFound:
                return NotFound();
            case CaseResultKind.Done:
                TempData["Flash"] = done;
                break;
            default:
                TempData["Error"] = result.Problem;
                break;
        }

        return Back(id);
    }

    // A change refused for want of permission: 404 if the user cannot even read cases, 403 otherwise.
    private IActionResult DeniedOrMissing() =>
        User.HasPermission(Permissions.CaseRead) ? StatusCode(StatusCodes.Status403Forbidden) : NotFound();

    private RedirectResult Back(string id) => Redirect($"/cases/{Uri.EscapeDataString(id)}");

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
