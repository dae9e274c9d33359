using System.CommandLine;
using Vigil.Pipeline.Evidence.Artefacts;

namespace Vigil.Cli;

/// <summary><c>vigil artefact add|list|get</c>: evidence files on a case, with their chain of custody on the ledger.</summary>
internal static class ArtefactCommand
{
    public static Command Create()
    {
        var command = new Command("artefact", "Evidence files attached to cases: stored by SHA-256, every collection and access on the case's ledger.");
        command.Subcommands.Add(Add());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Get());
        return command;
    }

    private static Command Add()
    {
        var caseId = new Argument<string>("case") { Description = "The case to attach the file to." };
        var file = new Argument<string>("file") { Description = "The file (read as bytes, never opened or interpreted)." };
        var from = new Option<string>("--from") { Description = "Where it was collected from: host, mailbox, URL or path.", Required = true };
        var description = new Option<string?>("--description") { Description = "What it is." };
        var name = new Option<string?>("--name") { Description = "The name to record (default: the file's name)." };
        var command = new Command("add", "Attach a file to a case as evidence.") { caseId, file, from, description, name };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            await using var context = await CliContext.OpenAsync(parse, cancellationToken);
            var artefacts = context.Get<ArtefactService>();
            if (new FileInfo(path) is { Exists: true } info && info.Length > artefacts.MaxBytes)
            {
                parse.InvocationConfiguration.Error.WriteLine($"{path} is {info.Length} bytes; the limit is {artefacts.MaxBytes} (Vigil:Artefacts:MaxBytes)");
                return 1;
            }

            var outcome = await artefacts.AddAsync(
                new ArtefactUpload
                {
                    CaseId = parse.GetValue(caseId)!,
                    Name = parse.GetValue(name) ?? Path.GetFileName(path),
                    Content = await File.ReadAllBytesAsync(path, cancellationToken),
                    CollectedFrom = parse.GetRequiredValue(from),
                    Description = parse.GetValue(description),
                },
                CliContext.Operator,
                cancellationToken);
            if (outcome.Artefact is not { } artefact)
            {
                parse.InvocationConfiguration.Error.WriteLine(outcome.Refusal ?? $"no case {parse.GetValue(caseId)}");
                return 1;
            }

            parse.InvocationConfiguration.Output.WriteLine($"{artefact.Id} sha256 {artefact.Sha256} {artefact.Size} bytes");
            return 0;
        });
        return command;
    }

    private static Command List()
    {
        var caseId = new Argument<string>("case") { Description = "The case." };
        var json = new Option<bool>("--json") { Description = "One JSON object per line." };
        var command = new Command("list", "A case's artefacts: id, SHA-256, size, who collected it, when and from where.") { caseId, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var context = await CliContext.OpenAsync(parse, cancellationToken);
            var output = parse.InvocationConfiguration.Output;
            foreach (var a in await context.Store.ListArtefactsAsync(parse.GetValue(caseId)!, cancellationToken))
            {
                output.WriteLine(parse.GetValue(json)
                    ? CliJson.Line(a)
                    : $"{a.Id}  {a.Sha256}  {a.Size,10}  {a.CollectedAt:yyyy-MM-dd HH:mm}  {a.CollectedBy}  from {a.CollectedFrom}  {(a.DisposedAt is null ? string.Empty : "[disposed] ")}{ArtefactArchive.EntryName(a.Name, a.Sha256)}");
            }

            return 0;
        });
        return command;
    }

    private static Command Get()
    {
        var id = new Argument<string>("artefact") { Description = "The artefact id." };
        var output = new Option<string>("--out") { Description = "The file to write (never standard output: it may be malware).", Required = true };
        var zip = new Option<bool>("--zip") { Description = "Write a zip holding the file instead of the file itself." };
        var password = new Option<string?>("--password-env") { Description = "Encrypt the zip (AES-256) with the password in this environment variable." };
        var command = new Command("get", "Write an artefact's content to a file; the access is recorded on the case's ledger first.") { id, output, zip, password };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            string? secret = null;
            if (parse.GetValue(password) is { } variable)
            {
                secret = Environment.GetEnvironmentVariable(variable);
                if (!parse.GetValue(zip) || secret is null || secret.Length < ArtefactArchive.MinPasswordLength)
                {
                    error.WriteLine($"--password-env needs --zip and a variable holding at least {ArtefactArchive.MinPasswordLength} characters");
                    return 2;
                }
            }

            await using var context = await CliContext.OpenAsync(parse, cancellationToken);
            var via = !parse.GetValue(zip) ? "download" : secret is null ? "zip" : "zip_aes256";
            var outcome = await context.Get<ArtefactService>().ReadAsync(parse.GetValue(id)!, CliContext.Operator, $"cli:{Environment.MachineName}", via, cancellationToken);
            if (outcome.Artefact is not { } artefact)
            {
                error.WriteLine(outcome.Refusal ?? $"no artefact {parse.GetValue(id)}");
                return 1;
            }

            var bytes = parse.GetValue(zip) ? ArtefactArchive.Zip(artefact.Name, artefact.Sha256, outcome.Content!, secret, DateTimeOffset.UtcNow) : outcome.Content!;
            await File.WriteAllBytesAsync(parse.GetRequiredValue(output), bytes, cancellationToken);
            error.WriteLine($"{artefact.Id} sha256 {artefact.Sha256}: access recorded on case {artefact.CaseId}");
            return 0;
        });
        return command;
    }
}
