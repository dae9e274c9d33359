using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Vigil.Domain.Access;
using Vigil.E2E.Tests.Pages;
using Vigil.Pipeline.Access;

namespace Vigil.E2E.Tests;

/// <summary>What an analyst does in the console, in a real browser against the real server.</summary>
public sealed class Journeys(Browser browser)
{
    private const string AnalystPassword = "analyst passphrase 1";

    private static string Alerts(params (string Ref, string Severity, string Title)[] alerts) =>
        new JsonArray(alerts.Select(a => (JsonNode)new JsonObject
        {
            ["source"] = "edr",
            ["source_ref"] = a.Ref,
            ["title"] = a.Title,
            ["severity"] = a.Severity,
            ["occurred_at"] = "2026-11-23T08:00:00Z",
            ["entities"] = new JsonArray(new JsonObject { ["type"] = "host", ["value"] = "host-" + a.Ref }, new JsonObject { ["type"] = "user", ["value"] = "user-" + a.Ref }),
            ["tags"] = new JsonArray("attack.t1059.001", "attack.execution"),
            ["raw"] = new JsonObject { ["cmdline"] = "powershell -enc SQBFAFgA", ["ref"] = a.Ref },
        }).ToArray()).ToJsonString();

    [Fact]
    public async Task Can_sign_in_with_mfa_as_the_first_admin()
    {
        await using var server = await ConsoleServer.StartAsync();
        var page = await browser.NewPageAsync();
        var login = new LoginPage(page, server.BaseUrl);

        // First sign-in with the printed one-time password: the console asks for a new password, then for MFA.
        await login.SignInAsync("admin", server.AdminPassword);
        await Assertions.Expect(page.GetByTestId("must-change")).ToBeVisibleAsync();
        await page.GotoAsync(server.BaseUrl + "/queue");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account$"));
        await page.Locator("#current").FillAsync(server.AdminPassword);
        await page.Locator("#replacement").FillAsync("a new admin passphrase");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("mfa-required")).ToBeVisibleAsync();
        await page.GetByTestId("start-mfa").ClickAsync();
        var secret = Totp.FromBase32(await page.GetByTestId("totp-secret").InnerTextAsync());
        await Assertions.Expect(page.Locator("svg.qr")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "account-mfa-enrolment");
        await page.Locator("#code").FillAsync(Totp.Compute(secret, DateTimeOffset.UtcNow.AddSeconds(-30)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("mfa-on")).ToBeVisibleAsync();

        // Sign out and back in: password, then a code; a wrong code is refused first.
        await page.GetByTestId("sign-out").ClickAsync();
        await login.GoToAsync();
        await login.SubmitPasswordAsync("admin", "a new admin passphrase");
        await page.WaitForURLAsync("**/login/mfa**");
        await login.SubmitCodeAsync("000000");
        await Assertions.Expect(login.Error).ToBeVisibleAsync();
        await login.SubmitCodeAsync(Totp.Compute(secret, DateTimeOffset.UtcNow));
        await page.WaitForURLAsync("**/queue");

        var kinds = (await server.Store.ReadLedgerAsync("system", TestContext.Current.CancellationToken)).Select(e => e.Kind).ToArray();
        Assert.Contains("user.mfa_enrolled", kinds);
        Assert.Contains("user.sign_in_failed", kinds);
        Assert.Equal(2, kinds.Count(k => k == "user.signed_in"));
        await page.GotoAsync(server.BaseUrl + "/ledger");
        await Assertions.Expect(page.GetByTestId("ledger-status")).ToContainTextAsync("Chain verified");
        await Screenshots.SaveAsync(page, "ledger");
    }

    [Fact]
    public async Task Can_triage_a_case_from_the_queue_with_the_keyboard()
    {
        await using var server = await ConsoleServer.StartAsync();
        await server.CreateUserAsync("ana", AnalystPassword, [Roles.Analyst], totp: false);
        var cases = await server.SubmitAlertsAsync(Alerts(("t-1", "medium", "Encoded PowerShell on host-t-1"), ("t-2", "critical", "LSASS read on host-t-2"), ("t-3", "low", "Rare parent on host-t-3")));
        var page = await browser.NewPageAsync(new ViewportSize { Width = 1920, Height = 1080 });
        await new LoginPage(page, server.BaseUrl).SignInAsync("ana", AnalystPassword);
        var queue = new QueuePage(page, server.BaseUrl);
        await queue.GoToAsync();

        // Most severe first; j selects it, Enter opens it.
        await Assertions.Expect(queue.Rows).ToHaveCountAsync(3);
        await Assertions.Expect(queue.Rows.First).ToHaveAttributeAsync("data-id", cases[1]);
        await Screenshots.SaveAsync(page, "queue");
        await queue.PressAsync("j");
        await Assertions.Expect(queue.SelectedRow).ToHaveAttributeAsync("data-id", cases[1]);
        await queue.PressAsync("Enter");
        await page.WaitForURLAsync($"**/cases/{cases[1]}");

        var detail = new CasePage(page, server.BaseUrl);
        await Assertions.Expect(detail.Title).ToHaveTextAsync("LSASS read on host-t-2");
        await detail.AssignToMeAsync();
        await Assertions.Expect(detail.Owner).ToHaveTextAsync("ana");
        await detail.AddNoteAsync("Checked the parent process: not a backup job.");
        await detail.MoveToAsync("correlated");
        await Assertions.Expect(detail.State).ToHaveTextAsync("correlated");
        await Assertions.Expect(page.Locator("svg.timeline circle")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("svg.graph circle.node.host")).ToHaveCountAsync(1);
        await Screenshots.SaveAsync(page, "case");

        // Back in the queue, 'a' assigns the selected case to me.
        await queue.GoToAsync();
        await queue.PressAsync("j");
        await queue.PressAsync("j");
        await queue.PressAsync("a");
        await page.WaitForLoadStateAsync();
        await Assertions.Expect(queue.Row(cases[0]).Locator("td").Nth(4)).ToHaveTextAsync("ana");
    }

    [Fact]
    public async Task Can_close_a_case_and_see_it_in_the_verified_ledger()
    {
        await using var server = await ConsoleServer.StartAsync();
        await server.CreateUserAsync("ana", AnalystPassword, [Roles.Analyst], totp: false);
        var cases = await server.SubmitAlertsAsync(Alerts(("c-1", "high", "Suspicious service install"), ("c-2", "low", "Noisy rule A"), ("c-3", "low", "Noisy rule B")));
        var page = await browser.NewPageAsync();
        await new LoginPage(page, server.BaseUrl).SignInAsync("ana", AnalystPassword);

        var detail = new CasePage(page, server.BaseUrl);
        await detail.GoToAsync(cases[0]);
        await detail.CloseAsync("true_positive", "Contained: service removed, host reimaged.", "Phished local admin", "Alert on service installs from temp paths.");
        await Assertions.Expect(detail.State).ToHaveTextAsync("closed");
        await Assertions.Expect(page.GetByTestId("case-classification")).ToContainTextAsync("true positive");
        await Assertions.Expect(detail.LedgerStatus).ToContainTextAsync("Chain verified");
        await Assertions.Expect(detail.LedgerKinds.Filter(new() { HasText = "case.closed" })).ToHaveCountAsync(1);
        await Assertions.Expect(detail.Notes.Filter(new() { HasText = "Lessons learned" })).ToHaveCountAsync(1);

        // Bulk close from the queue.
        var queue = new QueuePage(page, server.BaseUrl);
        await queue.GoToAsync();
        await queue.BulkCloseAsync([cases[1], cases[2]], "false_positive", "Known noisy rule, tuned.");
        await Assertions.Expect(queue.Rows).ToHaveCountAsync(0);
        var closed = await server.Store.GetCaseAsync(cases[2], TestContext.Current.CancellationToken);
        Assert.Equal(Vigil.Domain.Cases.Classification.FalsePositive, closed!.Classification);
    }
}
