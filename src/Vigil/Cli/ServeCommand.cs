using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Hosting;
using Vigil.Pipeline.Access;
using Vigil.Pipeline.Ports;
using Vigil.Storage;

namespace Vigil.Cli;

internal static class ServeCommand
{
    private static readonly Option<string?> Urls = new("--urls")
    {
        Description = $"Address to listen on (default {VigilServerOptions.DefaultUrl}; also Vigil:Server:Urls / VIGIL__Server__Urls).",
    };

    private static readonly Option<bool> Demo = new("--demo")
    {
        Description = "Also feed the built-in sample alerts (content/demo/alerts.json) through the pipeline; safe to repeat.",
    };

    private static readonly Option<int?> SyslogUdp = new("--syslog-udp")
    {
        Description = "Also receive syslog on this UDP port (also Vigil:Syslog:UdpPort). Listens on Vigil:Syslog:Address, loopback by default.",
    };

    private static readonly Option<int?> SyslogTcp = new("--syslog-tcp")
    {
        Description = "Also receive syslog on this TCP port (octet-counted or newline framing; also Vigil:Syslog:TcpPort).",
    };

    public static Command Create()
    {
        var command = new Command("serve", "Run the web server: the REST API under /api/v1, /healthz, /metrics, /openapi/v1.json and /api/reference.");
        command.Options.Add(Urls);
        command.Options.Add(Demo);
        command.Options.Add(SyslogUdp);
        command.Options.Add(SyslogTcp);
        command.SetAction(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var output = parse.InvocationConfiguration.Output;
        await using var app = VigilServer.Build(new ServerSettings
        {
            Store = CliContext.Location(parse),
            StoreFactory = new StoreFactory(),
            Urls = parse.GetValue(Urls),
            // Flags are the last configuration source, so they win over appsettings.json and environment variables.
            Args = [.. Flag("Vigil:Syslog:UdpPort", parse.GetValue(SyslogUdp)), .. Flag("Vigil:Syslog:TcpPort", parse.GetValue(SyslogTcp))],
        });

        var password = await ServerStartup.PrepareAsync(app, parse.GetValue(Demo), cancellationToken);
        if (password is not null)
        {
            // Printed once, to the console only (never to the log): there is no default password to fall back on.
            output.WriteLine();
            output.WriteLine("  First start: created the administrator account.");
            output.WriteLine($"    username: {UserService.AdminUsername}");
            output.WriteLine($"    one-time password: {password}");
            output.WriteLine("  It is shown only now and must be changed at first sign-in, where you also set up an authenticator app.");
            output.WriteLine();
        }

        await app.StartAsync(cancellationToken);
        var store = app.Services.GetRequiredService<IVigilStore>();
        output.WriteLine($"Vigil is listening on {string.Join(", ", app.Urls)} ({store.Mode.ToString().ToLowerInvariant()} store: {store.Description})");
        output.WriteLine($"Console: {app.Urls.First()}/   API reference: {app.Urls.First()}/api/reference   Press Ctrl+C to stop.");
        await app.WaitForShutdownAsync(cancellationToken);
        return 0;
    }

    private static string[] Flag(string key, int? value) =>
        value is { } port ? [$"--{key}={port.ToString(System.Globalization.CultureInfo.InvariantCulture)}"] : [];
}
