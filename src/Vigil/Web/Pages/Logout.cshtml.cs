using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vigil.Hosting.Auth;
using Vigil.Pipeline.Access;
using Vigil.Web.Auth;

namespace Vigil.Web.Pages;

/// <summary>Sign-out is a POST with an anti-forgery token, so another site cannot sign a user out.</summary>
internal sealed class LogoutModel(UserService users) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Queue");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (User.Username() is { } name)
        {
            await users.RecordSignOutAsync(name, cancellationToken);
        }

        await HttpContext.SignOutAsync(ConsoleSchemes.Session);
        return RedirectToPage("/Login");
    }
}
