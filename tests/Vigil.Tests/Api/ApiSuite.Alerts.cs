using System.Net;
using System.Text.Json.Nodes;
using Vigil.Tests.Support;

namespace Vigil.Tests.Api;

public abstract partial class ApiSuite
{
    [Fact]
    public async Task PostAlert_NewAlert_Returns201WithAlertAndCase()
    {
        await using var host = await StartAsync();
        using var response = await host.Admin.PostJsonAsync("/api/v1/alerts", AlertJson("r-1"));
        var outcome = await response.ExpectAsync(HttpStatusCode.Created);

        Assert.True((bool)outcome["created"]!);
        Assert.Equal(1, (long)outcome["occurrence_count"]!);
        Assert.StartsWith("cas_", (string)outcome["case_id"]!, StringComparison.Ordinal);
        Assert.Equal($"/api/v1/alerts/{outcome["alert_id"]}", response.Headers.Location?.ToString());
        var alert = await host.Admin.GetJsonAsync($"/api/v1/alerts/{outcome["alert_id"]}");
        Assert.Equal("high", (string)alert["severity"]!);
        Assert.Equal("edr", (string)alert["source"]!);
    }

    [Fact]
    public async Task PostAlert_SameAlertTwice_Returns200WithSameIdAndTwoOccurrences()
    {
        await using var host = await StartAsync();
        var first = await SubmitAsync(host.Admin, "r-1");
        using var again = await host.Admin.PostJsonAsync("/api/v1/alerts", AlertJson("r-1"));
        var second = await again.ExpectAsync(HttpStatusCode.OK);

        Assert.Equal((string)first["alert_id"]!, (string)second["alert_id"]!);
        Assert.Equal((string)first["case_id"]!, (string)second["case_id"]!);
        Assert.False((bool)second["created"]!);
        Assert.Equal(2, (long)second["occurrence_count"]!);
        var stats = await StatsAsync(host);
        Assert.Equal(1, stats.Alerts);
        Assert.Equal(1, stats.Cases);
    }

    [Fact]
    public async Task PostAlerts_ArrayAndEnvelope_Return202AndStoreEveryAlert()
    {
        await using var host = await StartAsync();
        using var array = await host.Admin.PostJsonAsync("/api/v1/alerts", $"[{AlertJson("b-1")},{AlertJson("b-2")},{AlertJson("b-1")}]");
        var batch = await array.ExpectAsync(HttpStatusCode.Accepted);
        Assert.Equal(3, (int)batch["accepted"]!);
        Assert.Equal(2, (int)batch["created"]!);
        Assert.Equal(1, (int)batch["duplicates"]!);

        using var envelope = await host.Admin.PostJsonAsync("/api/v1/alerts", $"{{\"alerts\": [{AlertJson("b-3")}]}}");
        var wrapped = await envelope.ExpectAsync(HttpStatusCode.Accepted);
        var alertId = (string)wrapped["alerts"]![0]!["alert_id"]!;

        // 202 is sent only after the commit: the alert is readable at once.
        await host.Admin.GetJsonAsync($"/api/v1/alerts/{alertId}");
        Assert.Equal(3, (await StatsAsync(host)).Alerts);
    }

    [Fact]
    public async Task GetAlert_Unknown_Returns404Problem()
    {
        await using var host = await StartAsync();
        var problem = await host.Admin.GetJsonAsync("/api/v1/alerts/alr_0000", HttpStatusCode.NotFound);
        Assert.Equal(404, (int)problem["status"]!);
        Assert.Contains("alr_0000", (string)problem["detail"]!, StringComparison.Ordinal);
    }
}
