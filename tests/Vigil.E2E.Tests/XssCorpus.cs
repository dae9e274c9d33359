using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Vigil.Domain.Access;
using Vigil.E2E.Tests.Pages;

namespace Vigil.E2E.Tests;

/// <summary>
/// Alert content is attacker-controlled. A corpus of XSS payloads goes in through the ingest API in every field the
/// console shows (title, description, entities, tags, raw payload, rule names), and the real browser proves that no
/// script runs on any page that shows them: no dialog opens, no marker is set, nothing injected becomes an element,
/// and each payload reads back as the literal text it was.
/// </summary>
public sealed class XssCorpus(Browser browser)
{
    // Each payload would open a dialog or set window.__pwned if it ever ran.
    private static readonly string[] Payloads =
    [
        "<script>alert('t1')</script>",
        "<img src=x onerror=alert('t2')>",
        "\"><svg onload=alert('t3')>",
        "'><iframe srcdoc=\"<script>parent.__pwned=1</script>\"></iframe>",
        "<a href=\"javascript:alert('t5')\">click</a>",
        "</title></textarea><script>window.__pwned=1</script>",
        "<details open ontoggle=alert('t7')>",
        "<style>@import 'x'</style><b style=\"x:expression(alert('t8'))\">",
        "{{constructor.constructor('alert(\"t9\")')()}}",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert('t10')>",
    ];

    [Fact]
    public async Task Xss_payloads_through_ingest_never_run_in_the_browser()
    {
        await using var server = await ConsoleServer.StartAsync();
        await server.CreateUserAsync("ana", "analyst passphrase 1", [Roles.Analyst], totp: false);
        var alerts = new JsonArray();
        for (var i = 0; i < Payloads.Length; i++)
        {
            var p = Payloads[i];
            alerts.Add(new JsonObject
            {
                ["source"] = "edr",
                ["source_ref"] = $"xss-{i}",
                ["title"] = p,
                ["description"] = "cmd: " + p,
                ["severity"] = "critical",
                ["occurred_at"] = "2026-11-23T08:00:00Z",
                ["entities"] = new JsonArray(
                    new JsonObject { ["type"] = "process", ["value"] = p },
                    new JsonObject { ["type"] = "rule", ["value"] = "rule " + p },
                    new JsonObject { ["type"] = "host", ["value"] = "host-" + i }),
                ["tags"] = new JsonArray("attack.execution", p),
                ["raw"] = new JsonObject { ["subject"] = p, ["command_line"] = p },
            });
        }

        var cases = await server.SubmitAlertsAsync(alerts.ToJsonString());
        var page = await browser.NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };
        await new LoginPage(page, server.BaseUrl).SignInAsync("ana", "analyst passphrase 1");

        var queue = new QueuePage(page, server.BaseUrl);
        await queue.GoToAsync();
        await Assertions.Expect(queue.Rows).ToHaveCountAsync(Payloads.Length);
        await AssertInertAsync(page, dialogs);
        foreach (var payload in Payloads)
        {
            await Assertions.Expect(page.Locator("#queue-rows td.title a", new() { HasText = payload })).ToHaveCountAsync(1);
        }

        foreach (var caseId in cases)
        {
            await new CasePage(page, server.BaseUrl).GoToAsync(caseId);
            foreach (var summary in await page.Locator("details > summary").AllAsync())
            {
                await summary.ClickAsync();
            }

            await AssertInertAsync(page, dialogs);
        }

        await new CasePage(page, server.BaseUrl).GoToAsync(cases[1]);
        await Assertions.Expect(page.GetByTestId("case-title")).ToHaveTextAsync(Payloads[1]);
        await Assertions.Expect(page.GetByTestId("raw-payload").First).ToContainTextAsync(Payloads[1]);
        await Screenshots.SaveAsync(page, "xss-case");
        Assert.Empty(dialogs);
    }

    private static async Task AssertInertAsync(IPage page, List<string> dialogs)
    {
        // Give any timer- or load-driven payload a moment to fire.
        await page.WaitForTimeoutAsync(200);
        Assert.Empty(dialogs);
        Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.__pwned"));
        Assert.Equal(0, await page.Locator("main script, main iframe, main img[onerror], main svg[onload], main details[ontoggle], main math").CountAsync());
        Assert.Equal(0, await page.Locator("a[href^='javascript:']").CountAsync());
    }
}
