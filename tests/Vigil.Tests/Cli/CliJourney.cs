using System.CommandLine;
using System.Text.RegularExpressions;
using Vigil.Cli;

namespace Vigil.Tests.Cli;

/// <summary>The operator's command line end to end, on the store each subclass provides (SQLite, PostgreSQL).</summary>
public abstract partial class CliJourney
{
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract Task<CliEngine> OpenEngineAsync();

    private static async Task<(int Code, string Out, string Err)> RunAsync(CliEngine engine, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await VigilCli.RunAsync([.. args, .. engine.StoreArgs], new InvocationConfiguration { Output = output, Error = error }, Ct);
        return (code, output.ToString(), error.ToString());
    }

    private static string WriteAlerts(string directory)
    {
        var path = Path.Combine(directory, "alerts.jsonl");
        File.WriteAllText(path, """
            {"source":"edr","source_ref":"det-1","title":"Credential dumping on DC-01","severity":"critical","entities":[{"type":"host","value":"DC-01"}]}
            {"source":"edr","source_ref":"det-1","title":"Credential dumping on DC-01","severity":"critical"}
            {"source":"okta","source_ref":"evt-9","title":"Impossible travel for alice","severity":"high","entities":[{"type":"user","value":"alice@corp.example"}]}
            {"source":"okta","title":"broken","severity":"catastrophic"}
            {"source":"okta", "title": 
            """);
        return path;
    }

    [Fact]
    public async Task Can_ingest_a_file_and_work_a_case_to_closure_with_a_verified_ledger()
    {
        using var temp = new Vigil.Testing.TempDirectory();
        var engine = await OpenEngineAsync();

        var ingest = await RunAsync(engine, "ingest", WriteAlerts(temp.Path));
        Assert.Equal(1, ingest.Code); // dead letters make the exit code say "look at this"
        Assert.Contains("read 5, stored 2, deduplicated 1, dead-lettered 2", ingest.Err, StringComparison.Ordinal);

        var list = await RunAsync(engine, "cases", "list", "--sort", "severity_desc", "--json");
        Assert.Equal(0, list.Code);
        var lines = list.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains("\"severity\":\"critical\"", lines[0], StringComparison.Ordinal);
        var caseId = CaseId().Match(lines[0]).Value;

        var dead = await RunAsync(engine, "deadletter", "list");
        Assert.Contains("$.severity: expected informational", dead.Out, StringComparison.Ordinal);
        Assert.Contains("2 dead letter(s)", dead.Err, StringComparison.Ordinal);

        var illegal = await RunAsync(engine, "cases", "transition", caseId, "--to", "approved");
        Assert.Equal(1, illegal.Code);
        Assert.Contains("cannot move from normalised to approved", illegal.Err, StringComparison.Ordinal);

        Assert.Equal(0, (await RunAsync(engine, "cases", "transition", caseId, "--to", "enriched", "--reason", "context added")).Code);
        Assert.Equal(0, (await RunAsync(engine, "cases", "note", caseId, "lsass access from procdump")).Code);
        var noNote = await RunAsync(engine, "cases", "transition", caseId, "--to", "closed", "--classification", "true_positive");
        Assert.Contains("closure note is required", noNote.Err, StringComparison.Ordinal);
        var close = await RunAsync(engine, "cases", "transition", caseId, "--to", "closed", "--classification", "true_positive", "--note", "contained", "--root-cause", "phished admin");
        Assert.Equal(0, close.Code);

        var show = await RunAsync(engine, "cases", "show", caseId);
        Assert.Contains("state closed", show.Out, StringComparison.Ordinal);
        Assert.Contains("lsass access from procdump", show.Out, StringComparison.Ordinal);
        Assert.Contains("x2", show.Out, StringComparison.Ordinal);

        var chain = await RunAsync(engine, "ledger", "show", caseId);
        var kinds = chain.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => Kind().Match(l).Groups[1].Value).ToArray();
        Assert.Equal(["case.opened", "case.state_changed", "case.note_added", "case.closed"], kinds);

        var verify = await RunAsync(engine, "ledger", "verify");
        Assert.Equal(0, verify.Code);
        Assert.Contains("ledger intact", verify.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ledger_verify_names_the_entry_changed_behind_Vigils_back()
    {
        using var temp = new Vigil.Testing.TempDirectory();
        var engine = await OpenEngineAsync();
        await RunAsync(engine, "ingest", WriteAlerts(temp.Path));
        var caseId = CaseId().Match((await RunAsync(engine, "cases", "list", "--json", "--text", "travel")).Out).Value;
        await RunAsync(engine, "cases", "note", caseId, "first");
        await RunAsync(engine, "cases", "note", caseId, "second");

        var changed = await engine.ExecuteSql($"UPDATE vigil_ledger SET payload = replace(payload, 'first', 'forged') WHERE chain_id = '{caseId}' AND seq = 2");
        Assert.Equal(1, changed);

        var verify = await RunAsync(engine, "ledger", "verify");
        Assert.Equal(1, verify.Code);
        Assert.Contains($"{caseId} entry 2: changed", verify.Out, StringComparison.Ordinal);
        Assert.Contains("ledger BROKEN: 1 of", verify.Out, StringComparison.Ordinal);

        await engine.ExecuteSql($"DELETE FROM vigil_ledger WHERE chain_id = '{caseId}' AND seq = 3");
        var truncated = await RunAsync(engine, "ledger", "verify", "--case", caseId, "--json");
        Assert.Contains("\"kind\":\"truncated\"", truncated.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apikey_create_prints_the_key_once_and_revoke_stops_it()
    {
        var engine = await OpenEngineAsync();

        var created = await RunAsync(engine, "apikey", "create", "--name", "siem-forwarder", "--scopes", "alert:write,case:read");
        Assert.Equal(0, created.Code);
        Assert.Matches("^vgl_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$", created.Out.Trim());
        Assert.Contains("shown only once", created.Err, StringComparison.Ordinal);

        var bad = await RunAsync(engine, "apikey", "create", "--name", "x", "--scopes", "case:destroy");
        Assert.Equal(2, bad.Code);
        Assert.Contains("unknown scope(s) case:destroy", bad.Err, StringComparison.Ordinal);

        var list = await RunAsync(engine, "apikey", "list");
        Assert.Contains("siem-forwarder", list.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(created.Out.Trim()[^43..], list.Out, StringComparison.Ordinal);
        var id = KeyId().Match(list.Out).Value;

        Assert.Equal(0, (await RunAsync(engine, "apikey", "revoke", id)).Code);
        Assert.Contains("revoked", (await RunAsync(engine, "apikey", "list")).Out, StringComparison.Ordinal);
        Assert.Equal(1, (await RunAsync(engine, "apikey", "revoke", id)).Code);

        var system = await RunAsync(engine, "ledger", "show", "system");
        Assert.Contains("apikey.created", system.Out, StringComparison.Ordinal);
        Assert.Contains("apikey.revoked", system.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Can_ingest_reported_phishing_mail_files()
    {
        var engine = await OpenEngineAsync();
        var mail = Vigil.Testing.RepositoryPaths.Combine("tests", "fixtures", "mail");

        var first = await RunAsync(engine, "ingest", mail);
        var again = await RunAsync(engine, "ingest", Path.Combine(mail, "forwarded-as-attachment.eml"));

        Assert.Contains("read 4, stored 3, deduplicated 0, dead-lettered 1", first.Err, StringComparison.Ordinal);
        Assert.Contains("read 1, stored 0, deduplicated 1, dead-lettered 0", again.Err, StringComparison.Ordinal);
        var list = await RunAsync(engine, "cases", "list", "--text", "paypa1-secure.com");
        Assert.Contains("Reported phish: Your account has been limited", list.Out, StringComparison.Ordinal);
        Assert.Contains("malformed.eml", (await RunAsync(engine, "deadletter", "list")).Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_is_idempotent()
    {
        var engine = await OpenEngineAsync();

        Assert.Equal(0, (await RunAsync(engine, "migrate")).Code);
        var again = await RunAsync(engine, "migrate");

        Assert.Equal(0, again.Code);
        Assert.Contains("schema is up to date", again.Out, StringComparison.Ordinal);
    }

    [GeneratedRegex("cas_[0-9a-f]{32}")]
    private static partial Regex CaseId();

    [GeneratedRegex("key_[0-9a-f]{32}")]
    private static partial Regex KeyId();

    [GeneratedRegex("\"kind\":\"([a-z._]+)\"")]
    private static partial Regex Kind();
}
