using Vigil.Testing;

namespace Vigil.Tests.Cli;

public abstract partial class CliJourney
{
    private const string CsvHeader = "AlertName,Priority,IncidentId,Computer,Account,Created,Vendor,Analyst Notes";

    private static string CsvRow(int n, string priority = "High") =>
        $"\"Suspicious sign-in, attempt {n}\",{priority},INC-{n:D4},WS-{n % 3:D2},alice{n % 2}@corp.example,2026-11-20 08:{n:D2}:00,Sentinel,\"said \"\"ok\"\"\"";

    [Fact]
    public async Task Can_import_a_siem_csv_export_and_resume_it_without_duplicates_or_gaps()
    {
        using var temp = new TempDirectory();
        var engine = await OpenEngineAsync();
        var csv = Path.Combine(temp.Path, "sentinel-export.csv");

        // The first run is "interrupted" after four committed rows: the file then grows to what the export really held.
        await File.WriteAllLinesAsync(csv, [CsvHeader, .. Enumerable.Range(1, 4).Select(n => CsvRow(n))], Ct);
        var first = await RunAsync(engine, "ingest", csv, "--batch", "2", "--map", "title=AlertName");
        Assert.Equal(0, first.Code);
        Assert.Contains("read 4, stored 4, deduplicated 0, dead-lettered 0", first.Err, StringComparison.Ordinal);
        Assert.Contains("title=AlertName, source=Vendor, source_ref=IncidentId, severity=Priority", first.Err, StringComparison.Ordinal);

        await File.WriteAllLinesAsync(csv, [CsvHeader, .. Enumerable.Range(1, 9).Select(n => CsvRow(n, n == 7 ? "Apocalyptic" : "High"))], Ct);
        var resumed = await RunAsync(engine, "ingest", csv, "--batch", "2", "--resume");

        Assert.Equal(1, resumed.Code);
        Assert.Contains("read 5, stored 4, deduplicated 0, dead-lettered 1, skipped 4 already ingested (--resume)", resumed.Err, StringComparison.Ordinal);
        // Entity grouping (content/policy/grouping.yaml) joins the rows that share entities: eight alerts, two cases.
        var cases = await RunAsync(engine, "cases", "list", "--json", "--limit", "100");
        Assert.Equal(2, cases.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("Suspicious sign-in, attempt", cases.Out, StringComparison.Ordinal);
        var dead = await RunAsync(engine, "deadletter", "list");
        Assert.Contains("sentinel-export.csv:8", dead.Out, StringComparison.Ordinal);
        Assert.Contains("$.severity", dead.Out, StringComparison.Ordinal);

        // Resuming a finished file reads nothing new; reading it again without --resume only counts repeats.
        Assert.Contains("read 0, stored 0", (await RunAsync(engine, "ingest", csv, "--resume")).Err, StringComparison.Ordinal);
        var again = await RunAsync(engine, "ingest", csv);
        Assert.Contains("read 9, stored 0, deduplicated 8, dead-lettered 1", again.Err, StringComparison.Ordinal);
        Assert.Contains("an earlier run committed 9 record(s)", again.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Can_route_files_through_a_source_mapping()
    {
        var engine = await OpenEngineAsync();
        var okta = RepositoryPaths.Combine("tests", "fixtures", "payloads", "okta_system_log.jsonl");

        var ingest = await RunAsync(engine, "ingest", okta, "--source", "okta_system_log");
        var unknown = await RunAsync(engine, "ingest", okta, "--source", "no_such_source");

        Assert.Equal(0, ingest.Code);
        Assert.Contains("read 5, stored 5, deduplicated 0, dead-lettered 0", ingest.Err, StringComparison.Ordinal);
        Assert.Equal(2, unknown.Code);
        Assert.Contains("no source mapping 'no_such_source'", unknown.Err, StringComparison.Ordinal);
        // The five sign-ins share their user, so entity grouping puts them in one case.
        var cases = await RunAsync(engine, "cases", "list", "--json");
        Assert.Single(cases.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Bad_csv_column_mapping_is_refused_before_anything_is_stored()
    {
        using var temp = new TempDirectory();
        var engine = await OpenEngineAsync();
        var csv = Path.Combine(temp.Path, "export.csv");
        await File.WriteAllLinesAsync(csv, [CsvHeader, CsvRow(1)], Ct);

        var result = await RunAsync(engine, "ingest", csv, "--map", "title=NoSuchColumn");

        Assert.Equal(2, result.Code);
        Assert.Contains("there is no column 'NoSuchColumn'", result.Err, StringComparison.Ordinal);
    }
}
