using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Connectors;
using Vigil.Connectors.Secrets;
using Vigil.Pipeline;
using Vigil.Pipeline.Respond.Connectors;
using Vigil.Storage;

namespace Vigil.Cli;

/// <summary><c>vigil connectors list|set-secret|delete-secret|test</c>: connector administration on the store, no server needed.</summary>
internal static class ConnectorsCommand
{
    public static Command Create()
    {
        var command = new Command("connectors", "List connectors, set their secrets (encrypted at rest) and try their actions.");
        command.Subcommands.Add(List());
        command.Subcommands.Add(SetSecret());
        command.Subcommands.Add(DeleteSecret());
        command.Subcommands.Add(Test());
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "Every connector: action types, configured base URL, secrets set (names only).");
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = await OpenAsync(parse, cancellationToken);
            var output = parse.InvocationConfiguration.Output;
            foreach (var view in await services.GetRequiredService<ConnectorDirectory>().ListAsync(cancellationToken))
            {
                output.WriteLine($"{view.Name,-12} {string.Join(",", view.ActionTypes),-55} {view.BaseUrl ?? "(not configured)",-40} secrets: {(view.SecretsSet.Count == 0 ? "none" : string.Join(",", view.SecretsSet))}");
            }

            return 0;
        });
        return command;
    }

    private static Command SetSecret()
    {
        var connector = new Argument<string>("connector") { Description = "Connector name (e.g. jira, okta, slack)." };
        var name = new Argument<string>("name") { Description = "Secret name (e.g. api_token, client_secret, webhook_url)." };
        var command = new Command("set-secret", "Read a secret from standard input (never from the command line, where ps would show it) and store it encrypted.") { connector, name };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var value = (await Console.In.ReadToEndAsync(cancellationToken)).TrimEnd('\r', '\n');
            if (value.Length == 0)
            {
                parse.InvocationConfiguration.Error.WriteLine("error: no secret on standard input (e.g. printf %s \"$TOKEN\" | vigil connectors set-secret jira api_token)");
                return 2;
            }

            await using var services = await OpenAsync(parse, cancellationToken);
            try
            {
                await services.GetRequiredService<ConnectorSecrets>().SetAsync(parse.GetValue(connector)!, parse.GetValue(name)!, value, CliContext.Operator, cancellationToken);
            }
            catch (ArgumentException ex)
            {
                parse.InvocationConfiguration.Error.WriteLine($"error: {ex.Message.Split(" (Parameter", 2)[0]}");
                return 2;
            }

            parse.InvocationConfiguration.Error.WriteLine($"secret {parse.GetValue(connector)}/{parse.GetValue(name)} stored encrypted");
            return 0;
        });
        return command;
    }

    private static Command DeleteSecret()
    {
        var connector = new Argument<string>("connector");
        var name = new Argument<string>("name");
        var command = new Command("delete-secret", "Remove a stored secret.") { connector, name };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = await OpenAsync(parse, cancellationToken);
            var done = await services.GetRequiredService<ConnectorSecrets>().DeleteAsync(parse.GetValue(connector)!, parse.GetValue(name)!, CliContext.Operator, cancellationToken);
            (done ? parse.InvocationConfiguration.Output : parse.InvocationConfiguration.Error).WriteLine(done ? "deleted" : "no such secret");
            return done ? 0 : 1;
        });
        return command;
    }

    private static Command Test()
    {
        var connector = new Argument<string>("connector");
        var action = new Argument<string>("action") { Description = "Catalogue action type (e.g. host.isolate)." };
        var parameters = new Option<string[]>("--param", "-p") { Description = "Action parameter as key=value (repeatable).", AllowMultipleArgumentsPerToken = false };
        var live = new Option<bool>("--live") { Description = "Really call the vendor. Without it the call is simulated: nothing is sent, the request is described." };
        var command = new Command("test", "Run one connector action, simulated unless --live, and print the result as JSON.") { connector, action, parameters, live };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = await OpenAsync(parse, cancellationToken);
            var found = services.GetRequiredService<ConnectorDirectory>().Find(parse.GetValue(connector)!);
            if (found is null)
            {
                parse.InvocationConfiguration.Error.WriteLine($"error: no connector named {parse.GetValue(connector)}");
                return 2;
            }

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in parse.GetValue(parameters) ?? [])
            {
                var at = pair.IndexOf('=', StringComparison.Ordinal);
                if (at <= 0)
                {
                    parse.InvocationConfiguration.Error.WriteLine($"error: --param '{pair}' is not key=value");
                    return 2;
                }

                values[pair[..at]] = pair[(at + 1)..];
            }

            var id = $"act_cli_{Guid.NewGuid():N}";
            var result = await found.ExecuteAsync(new ConnectorCall
            {
                RequestId = id,
                CaseId = "none",
                ActionType = parse.GetValue(action)!,
                Parameters = values,
                IdempotencyKey = id,
                Simulate = !parse.GetValue(live),
            }, cancellationToken);
            parse.InvocationConfiguration.Output.WriteLine(JsonSerializer.Serialize(result, CliJson.Options));
            return result.Outcome == ConnectorOutcome.Succeeded ? 0 : 1;
        });
        return command;
    }

    /// <summary>The store and the connectors, configured as the server is (appsettings.json, then environment variables).</summary>
    private static async Task<ServiceProvider> OpenAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var location = CliContext.Location(parse);
        var store = new StoreFactory().Open(location);
        await store.MigrateAsync(cancellationToken);
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        return new ServiceCollection()
            .AddSingleton(store)
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddVigilPipeline()
            .AddVigilConnectors(location, configuration)
            .BuildServiceProvider();
    }
}
