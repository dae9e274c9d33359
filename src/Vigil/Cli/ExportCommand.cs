using System.CommandLine;
using System.Text;
using Vigil.Pipeline.Evidence;
using Vigil.Rendering;

namespace Vigil.Cli;

/// <summary><c>vigil export case|key|ledger|cases</c>: signed evidence packages, the signing key, bulk exports.</summary>
internal static partial class ExportCommand
{
    public static Command Create()
    {
        var command = new Command("export", "Export signed evidence packages, the public key that verifies them, and bulk CSV/JSON.");
        command.Subcommands.Add(Case());
        command.Subcommands.Add(Key());
        AddBulk(command);
        return command;
    }

    private static Command Case()
    {
        var id = new Argument<string>("id") { Description = "The case id." };
        var format = new Option<string>("--format") { Description = "json (the signed package), html (printable report) or pdf (headless Chromium).", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "html", "pdf");
        var output = new Option<string?>("--out") { Description = "Write to this file (default: standard output; pdf: <id>.pdf)." };
        var command = new Command("case", "A case's signed evidence package: case, alerts, enrichment, actions, decisions, closure, timeline and its ledger slice.") { id, format, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var context = await CliContext.OpenAsync(parse, cancellationToken);
            var error = parse.InvocationConfiguration.Error;
            var caseId = parse.GetValue(id)!;
            var export = await context.Get<EvidenceExporter>().ExportAsync(caseId, CliContext.Operator, cancellationToken);
            if (export is null)
            {
                error.WriteLine($"no case {caseId}");
                return 1;
            }

            var kind = parse.GetValue(format)!;
            var path = parse.GetValue(output);
            byte[] bytes;
            switch (kind)
            {
                case "html":
                    bytes = Encoding.UTF8.GetBytes(EvidenceReport.Html(export.Package, export.Digest, export.KeyId));
                    break;
                case "pdf":
                    try
                    {
                        bytes = await ChromiumPdf.RenderAsync(EvidenceReport.Html(export.Package, export.Digest, export.KeyId), cancellationToken);
                    }
                    catch (InvalidOperationException exception)
                    {
                        error.WriteLine(exception.Message);
                        return 1;
                    }

                    path ??= $"{caseId}.pdf";
                    break;
                default:
                    bytes = export.File;
                    break;
            }

            if (path is null)
            {
                parse.InvocationConfiguration.Output.Write(Encoding.UTF8.GetString(bytes));
            }
            else
            {
                await File.WriteAllBytesAsync(path, bytes, cancellationToken);
            }

            error.WriteLine($"exported {caseId} as {kind}{(path is null ? string.Empty : " to " + path)}: package sha256 {export.Digest}, signed by key {export.KeyId}");
            return 0;
        });
        return command;
    }

    private static Command Key()
    {
        var json = new Option<bool>("--json") { Description = "Print key id, algorithm and public key as JSON." };
        var command = new Command("key", "Print the public key that verifies evidence packages (PEM), creating the key pair on first use.") { json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var context = await CliContext.OpenAsync(parse, cancellationToken);
            var key = await context.Get<EvidenceKeyring>().GetOrCreateAsync(cancellationToken);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                output.WriteLine(CliJson.Line(new { key_id = key.Id, algorithm = key.Algorithm, public_key = key.PublicKey, created_at = key.CreatedAt }));
            }
            else
            {
                output.Write(SignedPackage.PublicKeyPem(key.PublicKey));
                parse.InvocationConfiguration.Error.WriteLine($"key {key.Id} ({key.Algorithm}), created {key.CreatedAt:O}");
            }

            return 0;
        });
        return command;
    }
}
