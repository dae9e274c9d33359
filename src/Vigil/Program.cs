using Vigil.Cli;

// Every entry point is a subcommand; `vigil serve` is the web server. See Cli/VigilCli.cs for the table.
return await VigilCli.RunAsync(args);
