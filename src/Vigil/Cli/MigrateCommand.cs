using System.CommandLine;

namespace Vigil.Cli;

internal static class MigrateCommand
{
    public static Command Create()
    {
        var command = new Command("migrate", "Create or upgrade the store's schema (SQLite with --data, PostgreSQL with --db). Safe to run repeatedly.");
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var context = await CliContext.OpenAsync(parse, cancellationToken, migrate: false);
            var applied = await context.Store.MigrateAsync(cancellationToken);
            var output = parse.InvocationConfiguration.Output;
            output.WriteLine(applied.Count == 0
                ? $"{context.Store.Description}: schema is up to date"
                : $"{context.Store.Description}: applied {string.Join(", ", applied)}");
            return 0;
        });
        return command;
    }
}
