using System.Collections.Concurrent;
using System.CommandLine;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Vigil.Cli;
using Vigil.Domain.Alerts;
using Vigil.Pipeline.Evidence;
using Vigil.Pipeline.Ports;
using Vigil.Storage;

namespace Vigil.Tests.Durability;

/// <summary>
/// "An acknowledged write is durable": clients stream alerts at a real server, the server is SIGKILLed mid-stream,
/// and every alert it acknowledged must be in the store, the ledger must verify, and the restarted server must treat
/// a re-send of an acknowledged alert as the same alert.
/// </summary>
public abstract class KillDuringIngest
{
    private const int Clients = 6;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract Task<string[]> StoreArgsAsync();

    protected virtual int Rounds => 3;

    [Fact]
    public async Task Sigkill_during_a_stream_of_alerts_loses_no_acknowledged_alert()
    {
        var storeArgs = await StoreArgsAsync();
        var key = await CreateKeyAsync(storeArgs);
        var acknowledged = new ConcurrentDictionary<string, string>();
        for (var round = 0; round < Rounds; round++)
        {
            await using var server = await ServerProcess.StartAsync(storeArgs, Ct);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            var clients = Enumerable.Range(0, Clients)
                .Select(client => StreamAsync(server.Address, key, $"r{round}c{client}", acknowledged, stop.Token))
                .ToArray();

            // Kill at a different point each round, once a fair number of writes are in flight and acknowledged.
            var target = acknowledged.Count + 150 + (round * 97);
            while (acknowledged.Count < target && !clients.All(c => c.IsCompleted))
            {
                await Task.Delay(20, Ct);
            }

            await server.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(clients);
        }

        await using var store = new StoreFactory().Open(CliContext.Location(VigilCli.Build().Parse(storeArgs)));
        var missing = new List<string>();
        foreach (var (sourceRef, alertId) in acknowledged)
        {
            var stored = await store.FindAlertByFingerprintAsync(AlertFingerprint.Compute("crashtest", sourceRef), Ct);
            if (stored is null || stored.Id != alertId)
            {
                missing.Add(sourceRef);
            }
        }

        Assert.True(acknowledged.Count >= Rounds * 150, $"only {acknowledged.Count} acknowledged");
        Assert.Empty(missing);
        var ledger = await new LedgerAuditor(store).VerifyAllAsync(Ct);
        Assert.True(ledger.IsIntact, string.Join("\n", ledger.Broken.SelectMany(c => c.Problems.Select(p => $"{c.ChainId}: {p.Message}"))));

        // After the last crash the server starts again, and a re-sent acknowledged alert is the same alert.
        await using var restarted = await ServerProcess.StartAsync(storeArgs, Ct);
        var (sample, sampleId) = acknowledged.First();
        using var client = Client(restarted.Address, key);
        using var resend = await client.PostAsync(new Uri("/api/v1/alerts", UriKind.Relative), Body(sample), Ct);
        Assert.Equal(HttpStatusCode.OK, resend.StatusCode);
        Assert.Contains(sampleId, await resend.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    private static async Task StreamAsync(Uri address, string key, string prefix, ConcurrentDictionary<string, string> acknowledged, CancellationToken stop)
    {
        using var client = Client(address, key);
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var sourceRef = $"{prefix}-{i}";
            try
            {
                using var response = await client.PostAsync(new Uri("/api/v1/alerts", UriKind.Relative), Body(sourceRef), stop);
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(stop));
                    acknowledged[sourceRef] = json.RootElement.GetProperty("alert_id").GetString()!;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or OperationCanceledException or IOException)
            {
                // The server died under us: this request was never acknowledged, so it may or may not be stored.
                return;
            }
        }
    }

    private static HttpClient Client(Uri address, string key)
    {
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private static StringContent Body(string sourceRef) => new(
        $$"""{"source":"crashtest","source_ref":"{{sourceRef}}","title":"Crash test {{sourceRef}}","severity":"medium","entities":[{"type":"host","value":"host-{{sourceRef}}"}]}""",
        Encoding.UTF8,
        "application/json");

    private static async Task<string> CreateKeyAsync(string[] storeArgs)
    {
        var output = new StringWriter();
        var code = await VigilCli.RunAsync(["apikey", "create", "--name", "crashtest", "--scopes", "alert:write,alert:read", .. storeArgs],
            new InvocationConfiguration { Output = output, Error = new StringWriter() }, Ct);
        Assert.Equal(0, code);
        return output.ToString().Trim();
    }
}
