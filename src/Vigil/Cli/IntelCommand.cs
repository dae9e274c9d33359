using System.CommandLine;
using Vigil.Pipeline.Enrich;
using Vigil.Pipeline.Enrich.Intel;

namespace Vigil.Cli;

/// <summary>
/// <c>vigil intel import FILE…</c> (STIX 2.1 bundles, MISP event JSON, CSV lists) and <c>vigil intel list</c>.
/// Every input object that yields no indicator is reported with its reason; re-importing a feed updates in place.
/// </summary>
internal static class IntelCommand
{
    private const int ShownSkips = 20;

    public static Command Create()
    {
        var command = new Command("intel", "Threat-intelligence indicators for enrichment.");
        command.Subcommands.Add(Import());
        command.Subcommands.Add(List());
        return command;
    }

    private static Command Import()
    {
        var files = new Argument<FileInfo[]>("files") { Description = "STIX 2.1 bundle (.json), MISP event JSON, or CSV list.", Arity = ArgumentArity.OneOrMore };
        var source = new Option<string?>("--source") { Description = "Feed name recorded with each indicator (default: the file name)." };
        var format = new Option<IntelFormat>("--format") { Description = "auto (default), stix, misp or csv.", DefaultValueFactory = _ => IntelFormat.Auto };
        var command = new Command("import", "Import indicators from files.") { files, source, format };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (output, error) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            var paths = parse.GetValue(files)!;
            if (paths.FirstOrDefault(p => !p.Exists) is { } absent)
            {
                error.WriteLine($"error: not found: {absent.FullName}");
                return 2;
            }

            await using var context = await CliContext.OpenAsync(parse, cancellationToken);
            var writer = context.Get<ContextWriter>();
            var skipped = 0;
            foreach (var path in paths)
            {
                var text = await File.ReadAllTextAsync(path.FullName, cancellationToken);
                var read = IntelImport.Read(text, parse.GetValue(source) ?? path.Name, parse.GetValue(format));
                var stored = await ImportProgress.RunAsync(path.Name, read.Indicators.Count,
                    progress => writer.StoreIndicatorsAsync(read.Indicators, CliContext.Operator, progress, cancellationToken));
                var report = read.Report;
                var types = string.Join(", ", report.ByType.OrderBy(t => t.Key).Select(t => $"{t.Key.ToWire()} {t.Value}"));
                output.WriteLine($"{path.Name}: {report.Read} read, {report.Imported} indicators ({types}), {stored.Created} new, {stored.Updated} updated, {report.Skipped.Count} skipped");
                foreach (var skip in report.Skipped.Take(ShownSkips))
                {
                    error.WriteLine($"  skipped {skip.Location}: {skip.Reason}");
                }

                if (report.Skipped.Count > ShownSkips)
                {
                    error.WriteLine($"  … and {report.Skipped.Count - ShownSkips} more");
                }

                skipped += report.Skipped.Count;
            }

            return skipped == 0 ? 0 : 1;
        });
        return command;
    }

    private static Command List()
    {
        var type = new Option<string?>("--type") { Description = "ip, cidr, domain, url, md5, sha1, sha256 or email." };
        var value = new Option<string?>("--value") { Description = "Only indicators of this exact canonical value." };
        var after = new Option<string?>("--after") { Description = "Start after this indicator id (paging)." };
        var limit = new Option<int>("--limit") { DefaultValueFactory = _ => 100 };
        var command = new Command("list", "Print stored indicators as JSON lines.") { type, value, after, limit };
        command.SetAction(async (parse, cancellationToken) =>
        {
            IndicatorType? wanted = null;
            if (parse.GetValue(type) is { } text)
            {
                if (!IndicatorTypeNames.TryParse(text, out wanted, out _) || wanted is null)
                {
                    parse.InvocationConfiguration.Error.WriteLine($"error: '{text}' is not an indicator type");
                    return 2;
                }
            }

            await using var context = await CliContext.OpenAsync(parse, cancellationToken);
            foreach (var row in await context.Store.ListIndicatorsAsync(parse.GetValue(after), parse.GetValue(limit), wanted, parse.GetValue(value), cancellationToken))
            {
                parse.InvocationConfiguration.Output.WriteLine(CliJson.Line(new { row.Id, row.UpdatedAt, row.Indicator }));
            }

            return 0;
        });
        return command;
    }
}
