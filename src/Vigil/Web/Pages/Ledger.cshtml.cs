using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vigil.Domain.Access;
using Vigil.Domain.Ledger;
using Vigil.Hosting.Auth;
using Vigil.Pipeline.Evidence;
using Vigil.Pipeline.Ports;
using Vigil.Web.Auth;

namespace Vigil.Web.Pages;

/// <summary>
/// The system chain (sign-ins, accounts, keys, replays) newest first, and its verification. Case chains are on each
/// case's page.
/// </summary>
[ConsolePermission(Permissions.LedgerRead)]
internal sealed class LedgerModel(IVigilStore store, LedgerAuditor auditor) : PageModel
{
    private const int Shown = 200;

    public IReadOnlyList<LedgerEntry> Entries { get; private set; } = [];

    public LedgerVerification? Verification { get; private set; }

    public int Total { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!User.HasPermission(Permissions.LedgerRead))
        {
            return NotFound();
        }

        var entries = await store.ReadLedgerAsync(LedgerChains.System, cancellationToken);
        Total = entries.Count;
        Entries = entries.Reverse().Take(Shown).ToArray();
        Verification = await auditor.VerifyChainAsync(LedgerChains.System, cancellationToken);
        return Page();
    }
}
