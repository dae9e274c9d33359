namespace Vigil.Tests.Cli;

public abstract partial class CliJourney
{
    [Fact]
    public async Task Can_export_a_case_print_the_key_and_verify_the_package_offline()
    {
        using var temp = new Vigil.Testing.TempDirectory();
        var engine = await OpenEngineAsync();
        await RunAsync(engine, "ingest", WriteAlerts(temp.Path));
        var caseId = CaseId().Match((await RunAsync(engine, "cases", "list", "--json")).Out).Value;
        await RunAsync(engine, "cases", "transition", caseId, "--to", "closed", "--classification", "benign_positive", "--note", "pentest", "--root-cause", "scheduled red team");
        var package = Path.Combine(temp.Path, "case.json");
        var keyFile = Path.Combine(temp.Path, "key.pem");

        var export = await RunAsync(engine, "export", "case", caseId, "--out", package);
        var key = await RunAsync(engine, "export", "key");
        await File.WriteAllTextAsync(keyFile, key.Out, Ct);

        Assert.Equal(0, export.Code);
        Assert.Contains("package sha256 ", export.Err, StringComparison.Ordinal);
        Assert.StartsWith("-----BEGIN PUBLIC KEY-----", key.Out, StringComparison.Ordinal);
        // Offline: no --data/--db, nothing but the file and the key.
        var verify = await RunOfflineAsync("ledger", "verify", "--package", package, "--key", keyFile);
        Assert.Equal(0, verify.Code);
        Assert.Contains($"package intact: case {caseId}", verify.Out, StringComparison.Ordinal);

        var bytes = await File.ReadAllBytesAsync(package, Ct);
        bytes[bytes.Length / 3] ^= 0x04;
        await File.WriteAllBytesAsync(package, bytes, Ct);
        var broken = await RunOfflineAsync("ledger", "verify", "--package", package);
        Assert.Equal(1, broken.Code);
        Assert.Contains("package INVALID", broken.Out, StringComparison.Ordinal);

        var csv = await RunAsync(engine, "export", "ledger", "--format", "csv");
        Assert.Equal(0, csv.Code);
        Assert.Contains($"{caseId},1,case.opened,", csv.Out, StringComparison.Ordinal);
        Assert.Contains("evidence.package_exported", csv.Out, StringComparison.Ordinal);

        var sample = Path.Combine(temp.Path, "sample.bin");
        await File.WriteAllBytesAsync(sample, [0x4d, 0x5a, 0x00, 0x01], Ct);
        var added = await RunAsync(engine, "artefact", "add", caseId, sample, "--from", "host:DC-01");
        Assert.Equal(0, added.Code);
        var artefactId = added.Out.Split(' ')[0];
        Assert.Contains(artefactId, (await RunAsync(engine, "artefact", "list", caseId)).Out, StringComparison.Ordinal);
        var copy = Path.Combine(temp.Path, "copy.bin");
        Assert.Equal(0, (await RunAsync(engine, "artefact", "get", artefactId, "--out", copy)).Code);
        Assert.Equal(await File.ReadAllBytesAsync(sample, Ct), await File.ReadAllBytesAsync(copy, Ct));
        Assert.Contains("artefact.accessed", (await RunAsync(engine, "export", "ledger", "--format", "csv")).Out, StringComparison.Ordinal);

        Assert.Equal(0, (await RunAsync(engine, "retention", "hold", caseId, "--reason", "subpoena")).Code);
        Assert.Contains(caseId, (await RunAsync(engine, "retention", "holds")).Out, StringComparison.Ordinal);
        var dry = await RunAsync(engine, "retention", "run", "--dry-run");
        Assert.Equal(0, dry.Code);
        Assert.Contains("dry run ret_", dry.Out, StringComparison.Ordinal);

        var leadership = await RunAsync(engine, "report", "leadership", "--format", "json");
        Assert.Equal(0, leadership.Code);
        Assert.Contains("\"closed\": 1", leadership.Out, StringComparison.Ordinal);
        Assert.Contains("1 closed between", (await RunAsync(engine, "report", "leadership")).Out, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Out, string Err)> RunOfflineAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await Vigil.Cli.VigilCli.RunAsync(args, new System.CommandLine.InvocationConfiguration { Output = output, Error = error }, Ct);
        return (code, output.ToString(), error.ToString());
    }
}
