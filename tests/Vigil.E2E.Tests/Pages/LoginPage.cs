using Microsoft.Playwright;

namespace Vigil.E2E.Tests.Pages;

/// <summary>The sign-in form and the verification-code form.</summary>
public sealed class LoginPage(IPage page, string baseUrl)
{
    public async Task GoToAsync() => await page.GotoAsync(baseUrl + "/login");

    public async Task SubmitPasswordAsync(string username, string password)
    {
        await page.Locator("#username").FillAsync(username);
        await page.Locator("#password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    public async Task SubmitCodeAsync(string code)
    {
        await page.Locator("#code").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
    }

    public ILocator Error => page.GetByTestId("login-error");

    /// <summary>Password, then the code when asked; ends on the page the console leads to.</summary>
    public async Task SignInAsync(string username, string password, byte[]? totpSecret = null)
    {
        await GoToAsync();
        await SubmitPasswordAsync(username, password);
        if (totpSecret is not null)
        {
            await page.WaitForURLAsync("**/login/mfa**");
            await SubmitCodeAsync(Vigil.Pipeline.Access.Totp.Compute(totpSecret, DateTimeOffset.UtcNow));
        }

        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
    }
}
