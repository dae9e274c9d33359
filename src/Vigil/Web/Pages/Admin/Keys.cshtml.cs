using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vigil.Domain.Access;
using Vigil.Hosting.Auth;
using Vigil.Pipeline.Access;
using Vigil.Pipeline.Ports;
using Vigil.Web.Auth;

namespace Vigil.Web.Pages.Admin;

/// <summary>API keys (apikey:manage): created and revoked through <see cref="ApiKeyService"/>, so both are ledgered.</summary>
[ConsolePermission(Permissions.ApiKeyManage)]
internal sealed class AdminKeysModel(IVigilStore store, ApiKeyService keys, ApiKeyCache cache) : PageModel
{
    public IReadOnlyList<ApiKeyRecord> Keys { get; private set; } = [];

    public string? NewToken { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!User.HasPermission(Permissions.ApiKeyManage))
        {
            return NotFound();
        }

        Keys = await store.ListApiKeysAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(string? name, string[]? scopes, string? source, CancellationToken cancellationToken)
    {
        if (!User.HasPermission(Permissions.ApiKeyManage))
        {
            return NotFound();
        }

        try
        {
            var created = await keys.CreateAsync(name ?? string.Empty, scopes ?? [], string.IsNullOrWhiteSpace(source) ? null : source.Trim(), User.ToActor(), cancellationToken);
            NewToken = created.Token;
        }
        catch (ArgumentException error)
        {
            TempData["Error"] = error.Message;
            return RedirectToPage();
        }

        Keys = await store.ListApiKeysAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(string? id, CancellationToken cancellationToken)
    {
        if (!User.HasPermission(Permissions.ApiKeyManage))
        {
            return NotFound();
        }

        if (id is not null && await keys.RevokeAsync(id, User.ToActor(), cancellationToken))
        {
            cache.Evict(id);
            TempData["Flash"] = "Key revoked.";
        }

        return RedirectToPage();
    }
}
