using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Vigil.Hosting.Auth;
using Vigil.Pipeline.Access;
using SignInResult = Vigil.Pipeline.Access.SignInResult;
using Vigil.Web.Auth;

namespace Vigil.Web.Pages;

/// <summary>The first factor. Wrong user, wrong password and disabled account all read the same.</summary>
[EnableRateLimiting(ConsoleSchemes.SignInLimit)]
internal sealed class LoginModel(UserService users) : PageModel
{
    public string? Error { get; private set; }

    public string? Username { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? username, string? password, CancellationToken cancellationToken)
    {
        Username = username;
        if (string.IsNullOrWhiteSpace(username) || string.IsNullOrEmpty(password))
        {
            Error = "Enter a username and a password.";
            return Page();
        }

        var attempt = await users.SignInWithPasswordAsync(username, password, HttpContext.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        switch (attempt.Result)
        {
            case SignInResult.SignedIn:
                await HttpContext.SignInAsync(ConsoleSchemes.Session, VigilClaims.ForUser(attempt.User!, "password", ConsoleSchemes.Session));
                return LocalRedirect(ConsoleUrls.SafeReturn(ReturnUrl));
            case SignInResult.TotpRequired:
                await HttpContext.SignInAsync(ConsoleSchemes.PendingMfa, VigilClaims.ForPendingMfa(attempt.User!.Username, ConsoleSchemes.PendingMfa));
                return RedirectToPage("/LoginMfa", new { returnUrl = ConsoleUrls.SafeReturn(ReturnUrl) });
            case SignInResult.LockedOut:
                Error = "Too many failed attempts: this account is locked for a while. An administrator can unlock it.";
                return Page();
            default:
                Error = "The username or password is not right.";
                return Page();
        }
    }
}
