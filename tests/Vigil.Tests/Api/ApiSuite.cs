using System.Net;
using System.Text.Json.Nodes;
using Vigil.Pipeline.Ports;
using Vigil.Tests.Support;

namespace Vigil.Tests.Api;

/// <summary>
/// The REST API end to end, written once and run on each engine (<see cref="SqliteApiTests"/>,
/// <see cref="PostgresApiTests"/>). Every test starts the real server on a fresh, migrated store.
/// </summary>
public abstract partial class ApiSuite
{
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Where the last started host keeps its data.</summary>
    protected StoreLocation? Location { get; private set; }

    protected abstract Task<StoreLocation> NewStoreAsync();

    /// <summary>Runs SQL on the store behind Vigil's back (to tamper with the ledger); returns the affected rows.</summary>
    protected abstract Task<long> ExecuteSqlAsync(StoreLocation location, string sql);

    protected async Task<ApiHost> StartAsync(IReadOnlyDictionary<string, string?>? configuration = null)
    {
        Location = await NewStoreAsync();
        return await ApiHost.StartAsync(Location, configuration);
    }

    protected static string AlertJson(string sourceRef, string severity = "high", string? title = null, string source = "edr") =>
        new JsonObject
        {
            ["source"] = source,
            ["source_ref"] = sourceRef,
            ["title"] = title ?? $"Suspicious process {sourceRef}",
            ["severity"] = severity,
            ["occurred_at"] = "2026-11-23T08:00:00Z",
            ["entities"] = new JsonArray(new JsonObject { ["type"] = "host", ["value"] = $"host-{sourceRef}" }),
            ["tags"] = new JsonArray("attack.t1059"),
        }.ToJsonString();

    protected static async Task<JsonObject> SubmitAsync(HttpClient client, string sourceRef, string severity = "high", string? title = null)
    {
        using var response = await client.PostJsonAsync("/api/v1/alerts", AlertJson(sourceRef, severity, title));
        return await response.ExpectAsync(HttpStatusCode.Created);
    }

    /// <summary>Submits one alert and returns the case it opened.</summary>
    protected static async Task<string> OpenCaseAsync(HttpClient client, string sourceRef, string severity = "high") =>
        (string)(await SubmitAsync(client, sourceRef, severity))["case_id"]!;

    protected static async Task<StoreStats> StatsAsync(ApiHost host) => await host.Store.GetStatsAsync(Ct);
}
