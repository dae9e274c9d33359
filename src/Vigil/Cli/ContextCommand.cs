using System.CommandLine;
using Vigil.Pipeline.Enrich;
using Vigil.Pipeline.Enrich.Context;

namespace Vigil.Cli;

/// <summary>
/// <c>vigil context import assets|identities|services FILE</c> and <c>vigil context list …</c>: the context stores
/// enrichment reads. CSV (header row, lists separated by ';') or JSON (an array of objects); field names are those of
/// the API. Bad records are reported with file, line and field, and the good ones are still stored.
/// </summary>
internal static class ContextCommand
{
    public static Command Create()
    {
        var command = new Command("context", "Asset, identity and service context for enrichment.");
        command.Subcommands.Add(Import());
        command.Subcommands.Add(List());
        return command;
    }

    private static Argument<ContextKind> KindArgument() => new("kind")
    {
        Description = "assets, identities or services.",
        CustomParser = result => Enum.TryParse<ContextKind>(result.Tokens[0].Value, ignoreCase: true, out var kind) ? kind : Fail(result),
    };

    private static ContextKind Fail(System.CommandLine.Parsing.ArgumentResult result)
    {
        result.AddError($"'{result.Tokens[0].Value}' is not assets, identities or services");
        return default;
    }

    private static Command Import()
    {
        var kind = KindArgument();
        var file = new Argument<FileInfo>("file") { Description = "A .csv or .json file." };
        var command = new Command("import", "Import or update context records from a CSV or JSON file.") { kind, file };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (output, error) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                error.WriteLine($"error: not found: {path.FullName}");
                return 2;
            }

            var text = await File.ReadAllTextAsync(path.FullName, cancellationToken);
            await using var context = await CliContext.OpenAsync(parse, cancellationToken);
            var writer = context.Get<ContextWriter>();
            var (summary, errors) = await ContextFiles.StoreAsync(writer, parse.GetValue(kind), text, path.Name, CliContext.Operator, ImportProgress.RunAsync, cancellationToken);
            foreach (var problem in errors)
            {
                error.WriteLine($"warning: {problem}");
            }

            output.WriteLine($"{summary.Kind}: {summary.Stored} stored ({summary.Created} new, {summary.Updated} updated), {errors.Count} problem(s)");
            return errors.Count == 0 ? 0 : 1;
        });
        return command;
    }

    private static Command List()
    {
        var kind = KindArgument();
        var after = new Option<string?>("--after") { Description = "Start after this key (paging)." };
        var limit = new Option<int>("--limit") { DefaultValueFactory = _ => 100 };
        var command = new Command("list", "Print stored context records as JSON lines.") { kind, after, limit };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var context = await CliContext.OpenAsync(parse, cancellationToken);
            var (from, max) = (parse.GetValue(after), parse.GetValue(limit));
            IEnumerable<object> rows = parse.GetValue(kind) switch
            {
                ContextKind.Assets => await context.Store.ListAssetsAsync(from, max, cancellationToken),
                ContextKind.Identities => await context.Store.ListIdentitiesAsync(from, max, cancellationToken),
                _ => await context.Store.ListServicesAsync(from, max, cancellationToken),
            };
            foreach (var row in rows)
            {
                parse.InvocationConfiguration.Output.WriteLine(CliJson.Line(row));
            }

            return 0;
        });
        return command;
    }
}
