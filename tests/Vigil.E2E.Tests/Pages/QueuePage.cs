using Microsoft.Playwright;

namespace Vigil.E2E.Tests.Pages;

/// <summary>The queue: rows, keyboard navigation, bulk actions.</summary>
public sealed class QueuePage(IPage page, string baseUrl)
{
    public async Task GoToAsync(string query = "") => await page.GotoAsync(baseUrl + "/queue" + query);

    public ILocator Rows => page.Locator("#queue-rows tr[data-id]");

    public ILocator SelectedRow => page.Locator("#queue-rows tr.sel");

    public ILocator Row(string caseId) => page.Locator($"#queue-rows tr[data-id='{caseId}']");

    public Task PressAsync(string key) => page.Keyboard.PressAsync(key);

    public async Task BulkCloseAsync(IEnumerable<string> caseIds, string classification, string note)
    {
        foreach (var id in caseIds)
        {
            await Row(id).Locator("input[type=checkbox]").CheckAsync();
        }

        await page.Locator("#bulk select[name=classification]").SelectOptionAsync(classification);
        await page.Locator("#bulk input[name=note]").FillAsync(note);
        await page.Locator("#bulk button[value=close]").ClickAsync();
        await page.WaitForLoadStateAsync();
    }
}
