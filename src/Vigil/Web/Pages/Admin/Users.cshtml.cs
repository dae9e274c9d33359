using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vigil.Domain.Access;
using Vigil.Hosting.Auth;
using Vigil.Pipeline.Access;
using Vigil.Web.Auth;

namespace Vigil.Web.Pages.Admin;

/// <summary>Accounts and their roles (user:manage). Every change goes through <see cref="UserService"/>, so it is ledgered.</summary>
[ConsolePermission(Permissions.UserManage)]
internal sealed class AdminUsersModel(UserService users, TimeProvider time) : PageModel
{
    public IReadOnlyList<UserRecord> Users { get; private set; } = [];

    public AccountOptions Options => users.Options;

    public DateTimeOffset Now { get; private set; }

    public (string User, string Password)? NewPassword { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!User.HasPermission(Permissions.UserManage))
        {
            return NotFound();
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(string? username, string[]? roles, CancellationToken cancellationToken)
    {
        if (!User.HasPermission(Permissions.UserManage))
        {
            return NotFound();
        }

        var password = PasswordHasher.GenerateOneTimePassword();
        try
        {
            if (await users.FindAsync(username ?? string.Empty, cancellationToken) is not null)
            {
                TempData["Error"] = $"A user named {username} exists.";
                return RedirectToPage();
            }

            var created = await users.CreateAsync(username ?? string.Empty, password, roles ?? [], mustChangePassword: true, User.ToActor(), cancellationToken);
            NewPassword = (created.Username, password);
        }
        catch (ArgumentException error)
        {
            TempData["Error"] = error.Message;
            return RedirectToPage();
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRolesAsync(string? username, string[]? roles, CancellationToken cancellationToken)
    {
        if (!User.HasPermission(Permissions.UserManage))
        {
            return NotFound();
        }

        try
        {
            TempData["Flash"] = await users.SetRolesAsync(username ?? string.Empty, roles ?? [], User.ToActor(), cancellationToken)
                ? $"Roles of {username} changed; their sessions end now."
                : "Nothing changed.";
        }
        catch (ArgumentException error)
        {
            TempData["Error"] = error.Message;
        }

        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostActAsync(string? username, string? op, CancellationToken cancellationToken)
    {
        if (!User.HasPermission(Permissions.UserManage))
        {
            return NotFound();
        }

        var name = username ?? string.Empty;
        var actor = User.ToActor();
        if (op == "reset_password")
        {
            if (await users.ResetPasswordAsync(name, actor, cancellationToken) is { } password)
            {
                NewPassword = (UserService.NormalizeUsername(name), password);
            }

            await LoadAsync(cancellationToken);
            return Page();
        }

        if (op is "disable" && UserService.NormalizeUsername(name) == User.Username())
        {
            TempData["Error"] = "You cannot disable your own account.";
            return RedirectToPage();
        }

        var done = op switch
        {
            "reset_mfa" => await users.ResetTotpAsync(name, actor, cancellationToken),
            "unlock" => await users.UnlockAsync(name, actor, cancellationToken),
            "disable" => await users.SetDisabledAsync(name, disabled: true, actor, cancellationToken),
            "enable" => await users.SetDisabledAsync(name, disabled: false, actor, cancellationToken),
            _ => false,
        };
        TempData[done ? "Flash" : "Error"] = done ? $"Done: {op?.Replace('_', ' ')} for {name}." : "Nothing changed.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Now = time.GetUtcNow();
        Users = await users.ListAsync(cancellationToken);
    }
}
