using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vigil.Domain.Access;
using Vigil.Domain.DeadLetters;
using Vigil.Hosting.Auth;
using Vigil.Pipeline.Ingest;
using Vigil.Pipeline.Ports;
using Vigil.Web.Auth;

namespace Vigil.Web.Pages.Admin;

/// <summary>Refused input with its reason (deadletter:read), replayed through the real pipeline (deadletter:replay).</summary>
[ConsolePermission(Permissions.DeadLetterRead)]
internal sealed class AdminDeadLettersModel(IVigilStore store, DeadLetterReplayer deadLetters) : PageModel
{
    private const int PageSize = 100;

    public IReadOnlyList<DeadLetter> Letters { get; private set; } = [];

    public string Status { get; private set; } = "pending";

    public string? Next { get; private set; }

    public bool CanReplay => User.HasPermission(Permissions.DeadLetterReplay);

    public async Task<IActionResult> OnGetAsync(string? status, string? after, CancellationToken cancellationToken)
    {
        if (!User.HasPermission(Permissions.DeadLetterRead))
        {
            return NotFound();
        }

        Status = status is "replayed" or "discarded" or "all" ? status : "pending";
        DeadLetterStatus? filter = Status switch { "replayed" => DeadLetterStatus.Replayed, "discarded" => DeadLetterStatus.Discarded, "all" => null, _ => DeadLetterStatus.Pending };
        Letters = await store.ListDeadLettersAsync(new DeadLetterQuery { Status = filter, Limit = PageSize, After = after }, cancellationToken);
        Next = Letters.Count == PageSize ? Letters[^1].Id : null;
        return Page();
    }

    public async Task<IActionResult> OnPostReplayAsync(string? id, CancellationToken cancellationToken)
    {
        if (!User.HasPermission(Permissions.DeadLetterReplay))
        {
            return User.HasPermission(Permissions.DeadLetterRead) ? StatusCode(403) : NotFound();
        }

        var replay = await deadLetters.ReplayAsync(id ?? string.Empty, User.ToActor(), cancellationToken);
        TempData[replay.Succeeded ? "Flash" : "Error"] = replay.Succeeded ? $"Replayed: {replay.Outcomes.Count} alert(s) accepted." : replay.Problem;
        return RedirectToPage();
    }
}
