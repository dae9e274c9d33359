using System.Net;
using Vigil.Tests.Support;

namespace Vigil.Tests.Api;

public abstract partial class ApiSuite
{
    [Fact]
    public async Task ReplayDeadLetter_AfterLimitRaised_IngestsAndResolvesIt()
    {
        // The "fix" is configuration: a title limit too tight for a real alert, raised after the rejection.
        var tight = new Dictionary<string, string?> { ["Vigil:Ingest:MaxTitleLength"] = "16" };
        string letterId;
        await using (var host = await StartAsync(tight))
        {
            using var rejected = await host.Admin.PostJsonAsync("/api/v1/alerts", AlertJson("dl-1", title: "A title longer than sixteen characters"));
            letterId = (string)(await rejected.ExpectAsync(HttpStatusCode.BadRequest))["dead_letter_id"]!;

            var listed = await host.Admin.GetJsonAsync("/api/v1/deadletters?status=pending&source=edr");
            Assert.Equal(letterId, (string)listed["items"]![0]!["id"]!);
            using var still = await host.Admin.PostAsync(new Uri($"/api/v1/deadletters/{letterId}/replay", UriKind.Relative), null, Ct);
            await still.ExpectAsync(HttpStatusCode.UnprocessableEntity);
        }

        await using var fixedHost = await ApiHost.StartAsync(Location!);
        using var replay = await fixedHost.Admin.PostAsync(new Uri($"/api/v1/deadletters/{letterId}/replay", UriKind.Relative), null, Ct);
        var outcome = await replay.ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("replayed", (string)outcome["dead_letter"]!["status"]!);
        var alertId = (string)outcome["alerts"]![0]!["alert_id"]!;
        await fixedHost.Admin.GetJsonAsync($"/api/v1/alerts/{alertId}");
        using var twice = await fixedHost.Admin.PostAsync(new Uri($"/api/v1/deadletters/{letterId}/replay", UriKind.Relative), null, Ct);
        await twice.ExpectAsync(HttpStatusCode.Conflict);
        Assert.Empty((await fixedHost.Admin.GetJsonAsync("/api/v1/deadletters?status=pending"))["items"]!.AsArray());
    }

    [Fact]
    public async Task ListDeadLetters_Paging_VisitsEachOnce()
    {
        await using var host = await StartAsync();
        for (var i = 0; i < 7; i++)
        {
            using var response = await host.Admin.PostJsonAsync("/api/v1/alerts", $"{{\"source\": \"edr\", \"title\": \"t{i}\"}}");
            await response.ExpectAsync(HttpStatusCode.BadRequest);
        }

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await host.Admin.GetJsonAsync($"/api/v1/deadletters?limit=3{(cursor is null ? string.Empty : "&cursor=" + cursor)}");
            seen.AddRange(page["items"]!.AsArray().Select(d => (string)d!["id"]!));
            cursor = (string?)page["next_cursor"];
        }
        while (cursor is not null);

        Assert.Equal(7, seen.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(7, seen.Count);
    }
}
