namespace Vigil.Tests.Cli;

/// <summary>One store for a CLI journey: the flags that select it, and raw SQL for tampering behind Vigil's back.</summary>
public sealed record CliEngine(string[] StoreArgs, Func<string, Task<int>> ExecuteSql);
