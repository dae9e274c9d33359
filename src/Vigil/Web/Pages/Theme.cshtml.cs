using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vigil.Web.Auth;

namespace Vigil.Web.Pages;

/// <summary>Light or dark, remembered in a cookie and applied by the server, so no script is needed to avoid a flash.</summary>
internal sealed class ThemeModel : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Queue");

    public IActionResult OnPost(string? theme, string? returnUrl)
    {
        Response.Cookies.Append(ConsoleSchemes.ThemeCookie, theme == "light" ? "light" : "dark", new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = Request.IsHttps,
            MaxAge = TimeSpan.FromDays(365),
        });
        return LocalRedirect(ConsoleUrls.SafeReturn(returnUrl));
    }
}
