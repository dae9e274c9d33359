using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Vigil.Connectors.Http;
using Vigil.Connectors.Pull;
using Vigil.Pipeline;
using Vigil.Pipeline.Ingest;
using Vigil.Pipeline.Ingest.Pull;
using Vigil.Pipeline.Ports;
using Vigil.Storage;
using Vigil.Testing;
using Vigil.Tests.Support;

namespace Vigil.Tests.Ingest;

/// <summary>The generic HTTP JSON poller against a paging API on loopback, through the real runner and a real SQLite store.</summary>
public sealed class HttpJsonPollerTests : IAsyncLifetime
{
    private const string SecretVariable = "VIGIL_TEST_POLLER_SECRET";
    private static readonly string OktaSample = File.ReadLines(Path.Combine(RepositoryPaths.Root, "tests", "fixtures", "payloads", "okta_system_log.jsonl")).First();

    private readonly TempDirectory _directory = new("vigil-poller");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
    private PagingServer _server = null!;
    private IVigilStore _store = null!;
    private ServiceProvider _services = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        Environment.SetEnvironmentVariable(SecretVariable, "s3cret-token");
        _server = await PagingServer.StartAsync();
        _store = new StoreFactory(_time).Open(new StoreLocation { DataDirectory = _directory.Path });
        await _store.MigrateAsync(Ct);
        _services = new ServiceCollection().AddSingleton<TimeProvider>(_time).AddSingleton(_store).AddVigilPipeline().BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _store.DisposeAsync();
        await _server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    [Fact]
    public async Task Run_LinkHeaderPaging_StopsAtPageLimitAndResumesAfterRestartWithoutDuplicatesOrGaps()
    {
        _server.Add(Okta(0, 25));
        var source = Okta(maxPages: 2);

        var first = await Runner("node-a").RunOnceAsync(source, Ct);
        Assert.Equal((2, 20, 20), (first.Pages, first.Events, first.Stored));
        Assert.Equal(first.NextRunAt, _time.GetUtcNow());

        // A restart: a new runner over the same store (Solo mode keeps its owner id) carries on from the checkpoint.
        var second = await Runner("node-a").RunOnceAsync(source, Ct);
        Assert.Equal((5, 5, 0), (second.Events, second.Stored, second.Deduplicated));
        _server.Add(Okta(25, 7));
        _time.Advance(source.Interval);
        var third = await Runner("node-a").RunOnceAsync(source, Ct);

        Assert.Equal((7, 7, 0, 0), (third.Events, third.Stored, third.Deduplicated, third.DeadLettered));
        await AssertStoredExactlyAsync(32);
        Assert.All(_server.Requests, header => Assert.Equal("SSWS s3cret-token", header));
        var checkpoint = await _store.GetCheckpointAsync(PullRunner.CheckpointName("okta"), Ct);
        Assert.Equal(32, checkpoint!.EventsTotal);
        Assert.Equal(DateTimeOffset.Parse("2026-02-20T08:31:00Z", System.Globalization.CultureInfo.InvariantCulture), checkpoint.NewestEventAt);
        Assert.Null(checkpoint.LastError);

        var output = new StringWriter();
        var code = await Vigil.Cli.VigilCli.RunAsync(["sources", "list", "--data", _directory.Path], new System.CommandLine.InvocationConfiguration { Output = output, Error = new StringWriter() }, Ct);
        Assert.Equal(0, code);
        Assert.Matches(@"(?m)^okta\s+32\s", output.ToString());
    }

    [Fact]
    public async Task Run_SourceFails_RecordsHealthBacksOffAndThenResumesWhereItWas()
    {
        _server.Add(Okta(0, 12));
        var source = Okta(maxPages: 1);
        var runner = Runner("node-a");
        Assert.Equal(10, (await runner.RunOnceAsync(source, Ct)).Stored);

        _server.FailNext(2);
        var failed = await runner.RunOnceAsync(source, Ct);
        Assert.Contains("503", failed.Error, StringComparison.Ordinal);
        Assert.Equal(_time.GetUtcNow() + TimeSpan.FromSeconds(5), failed.NextRunAt);
        var notYet = await runner.RunOnceAsync(source, Ct);
        Assert.Equal((0, failed.NextRunAt), (notYet.Pages, notYet.NextRunAt));

        _time.Advance(TimeSpan.FromSeconds(5));
        var again = await runner.RunOnceAsync(source, Ct);
        Assert.Equal(_time.GetUtcNow() + TimeSpan.FromSeconds(10), again.NextRunAt);
        var health = await _store.GetCheckpointAsync(PullRunner.CheckpointName("okta"), Ct);
        Assert.Equal(2, health!.ConsecutiveFailures);
        Assert.Contains("503", health.LastError, StringComparison.Ordinal);

        _time.Advance(TimeSpan.FromSeconds(10));
        var recovered = await runner.RunOnceAsync(source, Ct);
        Assert.Equal((2, null), (recovered.Stored, recovered.Error));
        Assert.Equal(0, (await _store.GetCheckpointAsync(PullRunner.CheckpointName("okta"), Ct))!.ConsecutiveFailures);
        await AssertStoredExactlyAsync(12);
    }

    [Fact]
    public async Task Run_TwoNodes_OnlyTheLeaseHolderPollsUntilItsLeaseLapses()
    {
        _server.Add(Okta(0, 3));
        var source = Okta(maxPages: 5);

        var a = await Runner("node-a").RunOnceAsync(source, Ct);
        var requests = _server.Requests.Count;
        var b = await Runner("node-b").RunOnceAsync(source, Ct);

        Assert.True(a.Leased);
        Assert.False(b.Leased);
        Assert.Equal(requests, _server.Requests.Count);

        // node-a died; after its lease (two intervals, at least a minute) node-b carries on from a's cursor.
        _server.Add(Okta(3, 2));
        _time.Advance(TimeSpan.FromMinutes(3));
        var takeover = await Runner("node-b").RunOnceAsync(source, Ct);
        Assert.True(takeover.Leased);
        Assert.Equal(2, takeover.Stored);
        Assert.Equal("node-b", (await _store.GetCheckpointAsync(PullRunner.CheckpointName("okta"), Ct))!.OwnerId);
        await AssertStoredExactlyAsync(5);
    }

    [Fact]
    public async Task Run_FieldCursorWithEqualTimesAcrossPages_ReadsEachItemOnce()
    {
        // Pages of 3 with five items sharing one time: a naive "since" loses or repeats some of them.
        _server.Add(Okta(0, 8, sameTimeFrom: 2, sameTimeTo: 6));
        var source = Source("okta-since", new HttpJsonPollerOptions
        {
            Url = new Uri(_server.BaseUri, "/since").ToString(),
            Source = "okta_system_log",
            Items = "$",
            Paging = HttpPaging.Field,
            CursorField = "published",
            CursorParam = "since",
            LimitParam = "limit",
            PageSize = 3,
            MaxPagesPerRun = 20,
        });

        var run = await Runner("node-a").RunOnceAsync(source, Ct);
        _server.Add(Okta(8, 2));
        _time.Advance(source.Interval);
        var later = await Runner("node-a").RunOnceAsync(source, Ct);

        Assert.Equal((8, 0), (run.Stored, run.Deduplicated));
        Assert.Equal((2, 0), (later.Stored, later.Deduplicated));
        await AssertStoredExactlyAsync(10);
    }

    [Fact]
    public async Task Run_TokenPagingWithItemsUnderAField_ReadsEveryPage()
    {
        _server.Add(Okta(0, 7));
        var source = Source("okta-token", new HttpJsonPollerOptions
        {
            Url = new Uri(_server.BaseUri, "/token").ToString(),
            Source = "auto",
            Items = "$.data[*]",
            Paging = HttpPaging.Token,
            Next = "$.next_token",
            CursorParam = "page_token",
            LimitParam = "limit",
            PageSize = 3,
        });

        var run = await Runner("node-a").RunOnceAsync(source, Ct);
        _server.Add(Okta(7, 1));
        _time.Advance(source.Interval);
        var later = await Runner("node-a").RunOnceAsync(source, Ct);

        Assert.Equal((3, 7), (run.Pages, run.Stored));
        Assert.Equal(1, later.Stored);
        await AssertStoredExactlyAsync(8);
    }

    [Fact]
    public async Task Run_LoopbackNotAllowed_IsRefusedByTheConnectorGuardAndRecordedAsAFailure()
    {
        _server.Add(Okta(0, 1));
        var source = HttpJsonPullSource.Create("guarded", new HttpJsonPollerOptions
        {
            Url = new Uri(_server.BaseUri, "/api/v1/logs").ToString(),
            Source = "okta_system_log",
            Paging = HttpPaging.LinkHeader,
        }, new ConnectorHealth(), TimeProvider.System, NullLogger.Instance);

        var outcome = await Runner("node-a").RunOnceAsync(source, Ct);

        Assert.Contains("refused to connect", outcome.Error, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
        Assert.Equal(1, (await _store.GetCheckpointAsync(PullRunner.CheckpointName("guarded"), Ct))!.ConsecutiveFailures);
    }

    [Theory]
    [InlineData("$.data.items[*].id", "[1,2]")]
    [InlineData("data.items[0].id", "[1]")]
    [InlineData("$['data']['items'][-1]['id']", "[2]")]
    [InlineData("$.meta.*", "[\"n\",3]")]
    [InlineData("$.missing[*]", "[]")]
    public void JsonPath_Select_FollowsTheSupportedSubset(string path, string expected)
    {
        using var document = System.Text.Json.JsonDocument.Parse("""{"data": {"items": [{"id": 1}, {"id": 2}]}, "meta": {"next": "n", "count": 3}}""");
        var selected = JsonPath.Parse(path).Select(document.RootElement);
        Assert.Equal(expected, "[" + string.Join(",", selected.Select(e => e.GetRawText())) + "]");
    }

    [Theory]
    [InlineData("$..id")]
    [InlineData("$.data[?(@.id > 1)]")]
    public void JsonPath_Parse_RefusesWhatItDoesNotSupport(string path) =>
        Assert.Throws<FormatException>(() => JsonPath.Parse(path));

    private static HttpJsonPullSource Source(string name, HttpJsonPollerOptions options)
    {
        // The poller's SSRF guard refuses loopback unless told: the paging API here is on 127.0.0.1.
        options.AllowLoopback = true;
        return HttpJsonPullSource.Create(name, options, new ConnectorHealth(), TimeProvider.System, NullLogger.Instance);
    }

    private HttpJsonPullSource Okta(int maxPages) => Source("okta", new HttpJsonPollerOptions
    {
        Url = new Uri(_server.BaseUri, "/api/v1/logs").ToString(),
        Source = "okta_system_log",
        Items = "$",
        Paging = HttpPaging.LinkHeader,
        LimitParam = "limit",
        PageSize = 10,
        MaxPagesPerRun = maxPages,
        AuthPrefix = "SSWS ",
        SecretEnv = SecretVariable,
        TimeField = "published",
    });

    private PullRunner Runner(string owner) => new(
        _store, _services.GetRequiredService<EventIngestor>(), new PullRunnerOptions { OwnerId = owner }, _time, NullLogger<PullRunner>.Instance);

    /// <summary>Okta System Log events n..n+count-1, one minute apart (or sharing one time in a range), each with its own uuid.</summary>
    private static IEnumerable<JsonObject> Okta(int from, int count, int sameTimeFrom = -1, int sameTimeTo = -1)
    {
        for (var n = from; n < from + count; n++)
        {
            var item = JsonNode.Parse(OktaSample)!.AsObject();
            item["uuid"] = $"00000000-0000-4000-8000-{n:D12}";
            var minute = n >= sameTimeFrom && n <= sameTimeTo ? sameTimeFrom : n;
            item["published"] = new DateTimeOffset(2026, 2, 20, 8, 0, 0, TimeSpan.Zero).AddMinutes(minute).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
            yield return item;
        }
    }

    private async Task AssertStoredExactlyAsync(int count)
    {
        var stats = await _store.GetStatsAsync(Ct);
        Assert.Equal(count, stats.Alerts);
        for (var n = 0; n < count; n++)
        {
            var alert = await _store.FindAlertByFingerprintAsync(Domain.Alerts.AlertFingerprint.Compute("okta_system_log", [$"00000000-0000-4000-8000-{n:D12}"]), Ct);
            Assert.True(alert is not null, $"event {n} is missing");
            Assert.Equal(1, alert.OccurrenceCount);
        }
    }
}
