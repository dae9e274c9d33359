using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vigil.Domain.Access;
using Vigil.Hosting.Auth;
using Vigil.Pipeline.Access;
using Vigil.Web.Auth;

namespace Vigil.Web.Pages.Account;

/// <summary>The signed-in user's own account: password and TOTP enrolment. The gate sends users here until both are in order.</summary>
internal sealed class AccountModel(UserService users) : PageModel
{
    public UserRecord? Account { get; private set; }

    public TotpEnrolment? Enrolment { get; private set; }

    public string? Error { get; private set; }

    public bool MfaRequired => Account is not null && !Account.HasTotp && users.Options.RequiresMfa(Account.Roles);

    public int MinPasswordLength => users.Options.MinPasswordLength;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPasswordAsync(string? current, string? replacement, CancellationToken cancellationToken)
    {
        var name = User.Username()!;
        var result = await users.ChangePasswordAsync(name, current ?? string.Empty, replacement ?? string.Empty, cancellationToken);
        if (result == PasswordChange.Changed)
        {
            await RenewSessionAsync(name, cancellationToken);
            TempData["Flash"] = "Password changed.";
            return RedirectToPage();
        }

        Error = result switch
        {
            PasswordChange.TooShort => $"The new password needs at least {users.Options.MinPasswordLength} characters.",
            PasswordChange.Unchanged => "The new password must differ from the current one.",
            _ => "The current password is not right.",
        };
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostStartMfaAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Account!.MustChangePassword)
        {
            Error = "Change your password first.";
            return Page();
        }

        Enrolment = await users.BeginTotpEnrolmentAsync(User.Username()!, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmMfaAsync(string? code, CancellationToken cancellationToken)
    {
        var name = User.Username()!;
        if (await users.ConfirmTotpEnrolmentAsync(name, code ?? string.Empty, cancellationToken))
        {
            await RenewSessionAsync(name, cancellationToken);
            TempData["Flash"] = "Two-factor authentication is on.";
            return RedirectToPage();
        }

        Error = "That code does not match. Check the app's clock and set it up again.";
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Account = await users.FindAsync(User.Username() ?? string.Empty, cancellationToken);
        return Account is not null;
    }

    // The change rotated the security stamp, which ends every session of this account; this one carries on.
    private async Task RenewSessionAsync(string name, CancellationToken cancellationToken)
    {
        var user = await users.FindAsync(name, cancellationToken);
        var method = User.FindFirst(VigilClaims.Mfa)?.Value ?? "password";
        await HttpContext.SignInAsync(ConsoleSchemes.Session, VigilClaims.ForUser(user!, method, ConsoleSchemes.Session));
    }
}
