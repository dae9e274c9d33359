using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Vigil.Hosting.Auth;
using Vigil.Pipeline.Access;
using SignInResult = Vigil.Pipeline.Access.SignInResult;
using Vigil.Web.Auth;

namespace Vigil.Web.Pages;

/// <summary>The second factor: reachable only with the short-lived cookie a right password earns.</summary>
[EnableRateLimiting(ConsoleSchemes.SignInLimit)]
internal sealed class LoginMfaModel(UserService users) : PageModel
{
    public string? Error { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await PendingUserAsync() is null ? RedirectToPage("/Login") : Page();

    public async Task<IActionResult> OnPostAsync(string? code, CancellationToken cancellationToken)
    {
        if (await PendingUserAsync() is not { } username)
        {
            return RedirectToPage("/Login");
        }

        var attempt = await users.SignInWithTotpAsync(username, code ?? string.Empty, HttpContext.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        switch (attempt.Result)
        {
            case SignInResult.SignedIn:
                await HttpContext.SignOutAsync(ConsoleSchemes.PendingMfa);
                await HttpContext.SignInAsync(ConsoleSchemes.Session, VigilClaims.ForUser(attempt.User!, "password_totp", ConsoleSchemes.Session));
                return LocalRedirect(ConsoleUrls.SafeReturn(ReturnUrl));
            case SignInResult.LockedOut:
                await HttpContext.SignOutAsync(ConsoleSchemes.PendingMfa);
                Error = "Too many failed attempts: this account is locked for a while.";
                return Page();
            default:
                Error = "That code is not right, or was already used. Wait for the next one.";
                return Page();
        }
    }

    private async Task<string?> PendingUserAsync()
    {
        var pending = await HttpContext.AuthenticateAsync(ConsoleSchemes.PendingMfa);
        return pending.Succeeded ? pending.Principal.Username() : null;
    }
}
