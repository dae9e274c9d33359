using System.CommandLine;

namespace Vigil.Cli;

/// <summary>The command table. Each command lives in its own file and is registered here, once.</summary>
internal static class VigilCli
{
    public static RootCommand Build()
    {
        var root = new RootCommand("Vigil: security orchestration, automation and response with an AI analyst that cites its evidence.");
        root.Options.Add(GlobalOptions.Data);
        root.Options.Add(GlobalOptions.Db);

        root.Subcommands.Add(VersionCommand.Create());
        root.Subcommands.Add(DetectCommand.Create());
        root.Subcommands.Add(HuntCommand.Create());
        root.Subcommands.Add(RulesCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(MigrateCommand.Create());
        root.Subcommands.Add(IngestCommand.Create());
        root.Subcommands.Add(CasesCommand.Create());
        root.Subcommands.Add(LedgerCommand.Create());
        root.Subcommands.Add(DeadLetterCommand.Create());
        root.Subcommands.Add(ApiKeyCommand.Create());
        root.Subcommands.Add(NormalizeCommand.Create());
        root.Subcommands.Add(SourcesCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(ConnectorsCommand.Create());
        root.Subcommands.Add(ContextCommand.Create());
        root.Subcommands.Add(IntelCommand.Create());
        root.Subcommands.Add(RecommendCommand.Create());
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(ModelCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(ReportCommand.Create());
        root.Subcommands.Add(LearnCommand.Create());
        root.Subcommands.Add(ArtefactCommand.Create());
        root.Subcommands.Add(RetentionCommand.Create());
        return root;
    }

    public static Task<int> RunAsync(string[] args, CancellationToken cancellationToken = default) =>
        Build().Parse(args).InvokeAsync(cancellationToken: cancellationToken);

    /// <summary>Runs a command line with its output captured, for tests and for embedding.</summary>
    public static Task<int> RunAsync(string[] args, InvocationConfiguration configuration, CancellationToken cancellationToken) =>
        Build().Parse(args).InvokeAsync(configuration, cancellationToken);
}
