using Microsoft.Playwright;

namespace Vigil.E2E.Tests.Pages;

/// <summary>One case: header, transitions, notes, closure form, ledger.</summary>
public sealed class CasePage(IPage page, string baseUrl)
{
    public async Task GoToAsync(string caseId) => await page.GotoAsync($"{baseUrl}/cases/{caseId}");

    public ILocator Title => page.GetByTestId("case-title");

    public ILocator State => page.GetByTestId("case-state");

    public ILocator Owner => page.GetByTestId("case-owner");

    public ILocator LedgerStatus => page.GetByTestId("ledger-status");

    public ILocator LedgerKinds => page.GetByTestId("ledger-kind");

    public ILocator Notes => page.GetByTestId("note-text");

    public ILocator Flash => page.Locator(".flash.ok");

    public async Task AssignToMeAsync()
    {
        await page.GetByTestId("assign").ClickAsync();
        await page.WaitForLoadStateAsync();
    }

    public async Task MoveToAsync(string state)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = $"Move to {state}" }).ClickAsync();
        await page.WaitForLoadStateAsync();
    }

    public async Task AddNoteAsync(string text)
    {
        await page.GetByLabel("New note").FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add note" }).ClickAsync();
        await page.WaitForLoadStateAsync();
    }

    public async Task CloseAsync(string classification, string note, string rootCause, string lessons)
    {
        await page.Locator("#classification").SelectOptionAsync(classification);
        await page.Locator("#note").FillAsync(note);
        await page.Locator("#rootCause").FillAsync(rootCause);
        await page.Locator("#lessons").FillAsync(lessons);
        await page.GetByTestId("close-case").ClickAsync();
        await page.WaitForLoadStateAsync();
    }
}
