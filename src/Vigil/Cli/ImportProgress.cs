using Spectre.Console;

namespace Vigil.Cli;

/// <summary>A progress bar on an interactive terminal, nothing when output is redirected (scripts and tests).</summary>
internal static class ImportProgress
{
    public static async Task<T> RunAsync<T>(string label, int total, Func<IProgress<int>?, Task<T>> work)
    {
        if (Console.IsErrorRedirected || !AnsiConsole.Profile.Capabilities.Interactive || total == 0)
        {
            return await work(null);
        }

        T result = default!;
        await AnsiConsole.Progress().StartAsync(async context =>
        {
            var task = context.AddTask(label, maxValue: total);
            result = await work(new Progress<int>(done => task.Value = done));
            task.Value = total;
        });
        return result;
    }
}
