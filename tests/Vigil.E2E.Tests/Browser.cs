using Microsoft.Playwright;

namespace Vigil.E2E.Tests;

/// <summary>
/// One Chromium for the whole run (an assembly fixture): Debian's <c>/usr/bin/chromium</c> (or <c>VIGIL_CHROMIUM</c>),
/// launched through <c>ExecutablePath</c> so Playwright never downloads a browser, with the flags that keep it off
/// the network. Each test gets its own context (cookies, storage) from it.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    public const string DefaultPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Chromium { get; private set; } = null!;

    public static string ExecutablePath => Environment.GetEnvironmentVariable("VIGIL_CHROMIUM") is { Length: > 0 } path ? path : DefaultPath;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"Chromium is not at {ExecutablePath}: install Debian's 'chromium' package (test.sh does, as root) or set VIGIL_CHROMIUM.");
        }

        _playwright = await Playwright.CreateAsync();
        Chromium = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
            ],
        });
    }

    public async Task<IPage> NewPageAsync(ViewportSize? viewport = null)
    {
        var context = await Chromium.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 800 },
            ColorScheme = ColorScheme.Dark,
        });
        // Generous: the machine these run on is shared, and a first page render JIT-compiles a good deal.
        context.SetDefaultTimeout(60_000);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Chromium is not null)
        {
            await Chromium.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
