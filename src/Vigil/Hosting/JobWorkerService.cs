using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Vigil.Pipeline.Jobs;

namespace Vigil.Hosting;

/// <summary>
/// Runs the <see cref="JobWorker"/> in the background unless <c>Vigil:Jobs:Enabled</c> is false, which tests use to
/// drive jobs one step at a time (<see cref="JobWorker.RunOnceAsync"/>) instead of racing a poller. Read at start, so
/// configuration added after services are registered still counts.
/// </summary>
internal sealed class JobWorkerService(JobWorker worker, IConfiguration configuration) : IHostedService
{
    private bool _running;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _running = configuration.GetValue("Vigil:Jobs:Enabled", defaultValue: true);
        if (_running)
        {
            await worker.StartAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => _running ? worker.StopAsync(cancellationToken) : Task.CompletedTask;
}
