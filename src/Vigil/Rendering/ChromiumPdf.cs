using System.Diagnostics;

namespace Vigil.Rendering;

/// <summary>
/// Prints an HTML report to PDF with headless Chromium (Debian's /usr/bin/chromium, or VIGIL_CHROMIUM). The page is a
/// local file whose CSP loads and runs nothing, and networking is cut off anyway (every host resolves to nothing),
/// because reports quote attacker-controlled alert content. (Chromium's scriptEnabled=false switch is not used: with
/// it, --print-to-pdf silently writes no file.)
/// </summary>
internal static class ChromiumPdf
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    public static string? Executable =>
        Environment.GetEnvironmentVariable("VIGIL_CHROMIUM") is { Length: > 0 } configured ? configured
        : File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium"
        : null;

    public static bool IsAvailable => Executable is not null;

    /// <summary>The PDF's bytes; throws <see cref="InvalidOperationException"/> when Chromium is missing or fails.</summary>
    public static async Task<byte[]> RenderAsync(string html, CancellationToken cancellationToken)
    {
        var executable = Executable ?? throw new InvalidOperationException("PDF needs headless Chromium: install chromium or set VIGIL_CHROMIUM");
        var directory = Directory.CreateTempSubdirectory("vigil-pdf-");
        try
        {
            var input = Path.Combine(directory.FullName, "report.html");
            var output = Path.Combine(directory.FullName, "report.pdf");
            await File.WriteAllTextAsync(input, html, cancellationToken);
            var start = new ProcessStartInfo(executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in (string[])[
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-extensions",
                "--host-resolver-rules=MAP * ~NOTFOUND", "--no-pdf-header-footer", $"--user-data-dir={Path.Combine(directory.FullName, "profile")}",
                $"--print-to-pdf={output}", new Uri(input).AbsoluteUri])
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {executable}");
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Timeout);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            _ = process.StandardOutput.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            if (!File.Exists(output) || new FileInfo(output).Length == 0)
            {
                throw new InvalidOperationException($"chromium printed no PDF (exit {process.ExitCode}): {Last(await stderr)}");
            }

            return await File.ReadAllBytesAsync(output, cancellationToken);
        }
        finally
        {
            try
            {
                directory.Delete(recursive: true);
            }
            catch (IOException)
            {
                // Chromium may still hold its profile for a moment; a stray temp directory is not worth failing for.
            }
        }
    }

    private static string Last(string text) => text.Length <= 400 ? text.Trim() : text[^400..].Trim();
}
