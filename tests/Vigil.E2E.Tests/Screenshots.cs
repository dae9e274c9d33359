using Microsoft.Playwright;
using Vigil.Testing;

namespace Vigil.E2E.Tests;

/// <summary>Full-page screenshots of the main pages, written to <c>artifacts/screenshots/</c> (not committed; the README's copies are in docs/screenshots).</summary>
public static class Screenshots
{
    public static string Directory => RepositoryPaths.Combine("artifacts", "screenshots");

    public static async Task SaveAsync(IPage page, string name)
    {
        System.IO.Directory.CreateDirectory(Directory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Directory, name + ".png"), FullPage = false });
    }
}
