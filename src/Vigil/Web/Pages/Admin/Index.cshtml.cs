using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Configuration;
using Vigil.Domain.Access;
using Vigil.Hosting.Auth;
using Vigil.Listeners;
using Vigil.Pipeline.Ingest;
using Vigil.Pipeline.Ports;
using Vigil.Web.Auth;

namespace Vigil.Web.Pages.Admin;

/// <summary>Health of what feeds Vigil: per-source counters and drift, the mailbox poller, the store.</summary>
[ConsolePermission(Permissions.UserManage)]
[ConsolePermission(Permissions.ApiKeyManage)]
[ConsolePermission(Permissions.DeadLetterRead)]
internal sealed class AdminIndexModel(IVigilStore store, SourceHealth sources, MailboxHealth mailbox, IConfiguration configuration, TimeProvider time) : PageModel
{
    public IReadOnlyList<SourceHealthSnapshot> Sources { get; private set; } = [];

    public StoreStats Stats { get; private set; } = new();

    public MailboxHealthSnapshot? Mailbox { get; private set; }

    public string StoreDescription => store.Description;

    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!AdminAccess.Any(User))
        {
            return NotFound();
        }

        Now = time.GetUtcNow();
        Sources = sources.Snapshot();
        Stats = await store.GetStatsAsync(cancellationToken);
        Mailbox = string.IsNullOrEmpty(configuration["Vigil:Mailbox:Host"]) ? null : mailbox.Snapshot();
        return Page();
    }
}
