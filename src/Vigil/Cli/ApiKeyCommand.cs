using System.CommandLine;
using Vigil.Domain.Access;
using Vigil.Pipeline.Access;

namespace Vigil.Cli;

internal static class ApiKeyCommand
{
    public static Command Create()
    {
        var command = new Command("apikey", "Create, list and revoke API keys (works on the store with no server running).");
        command.Subcommands.Add(CreateKey());
        command.Subcommands.Add(ListKeys());
        command.Subcommands.Add(RevokeKey());
        return command;
    }

    private static Command CreateKey()
    {
        var name = new Option<string>("--name") { Description = "A name that says who uses the key (e.g. siem-forwarder).", Required = true };
        var scopes = new Option<string>("--scopes")
        {
            Description = $"Comma-separated permissions: {string.Join(", ", Permissions.Catalogue)}, or * for all.",
            Required = true,
        };
        var source = new Option<string?>("--source") { Description = "Restrict an ingest key to one source name." };
        var command = new Command("create", "Create a key and print it once; only its hash is stored.") { name, scopes, source };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var context = await CliContext.OpenAsync(parse, cancellationToken);
            var requested = parse.GetValue(scopes)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            try
            {
                var created = await context.Get<ApiKeyService>().CreateAsync(parse.GetValue(name)!, requested, parse.GetValue(source), CliContext.Operator, cancellationToken);
                var output = parse.InvocationConfiguration.Output;
                output.WriteLine(created.Token);
                parse.InvocationConfiguration.Error.WriteLine(
                    $"created {created.Record.Id} '{created.Record.Name}' with scopes {string.Join(",", created.Record.Scopes)}; the key above is shown only once");
                return 0;
            }
            catch (ArgumentException ex)
            {
                parse.InvocationConfiguration.Error.WriteLine($"error: {ex.Message.Split(" (Parameter", 2)[0]}");
                return 2;
            }
        });
        return command;
    }

    private static Command ListKeys()
    {
        var command = new Command("list", "List keys (never their secrets).");
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var context = await CliContext.OpenAsync(parse, cancellationToken);
            var output = parse.InvocationConfiguration.Output;
            foreach (var key in await context.Store.ListApiKeysAsync(cancellationToken))
            {
                var state = key.IsActive ? "active" : $"revoked {key.RevokedAt:u}";
                output.WriteLine($"{key.Id}  {key.Name,-24} {string.Join(",", key.Scopes),-40} {state}");
            }

            return 0;
        });
        return command;
    }

    private static Command RevokeKey()
    {
        var id = new Argument<string>("id") { Description = "The key id (key_…)." };
        var command = new Command("revoke", "Revoke a key; it stops working at once.") { id };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var context = await CliContext.OpenAsync(parse, cancellationToken);
            var done = await context.Get<ApiKeyService>().RevokeAsync(parse.GetValue(id)!, CliContext.Operator, cancellationToken);
            (done ? parse.InvocationConfiguration.Output : parse.InvocationConfiguration.Error)
                .WriteLine(done ? "revoked" : "no active key with that id");
            return done ? 0 : 1;
        });
        return command;
    }
}
