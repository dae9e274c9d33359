using System.CommandLine;
using System.Reflection;

namespace Vigil.Cli;

internal static class VersionCommand
{
    public static Command Create()
    {
        var command = new Command("version", "Print Vigil's version and runtime.");
        command.SetAction(parse =>
        {
            var version = typeof(VersionCommand).Assembly
                .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
            parse.InvocationConfiguration.Output.WriteLine($"vigil {version} (.NET {Environment.Version})");
            return 0;
        });
        return command;
    }
}
