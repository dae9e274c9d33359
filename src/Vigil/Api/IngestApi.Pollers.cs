using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Vigil.Api.Contracts;
using Vigil.Domain.Access;
using Vigil.Listeners;
using Vigil.Pipeline.Ingest.Pull;
using Vigil.Pipeline.Ports;

namespace Vigil.Api;

internal static partial class IngestApi
{
    private static void MapPollers(RouteGroupBuilder group) =>
        group.MapGet("/pollers", ListPollersAsync)
            .RequireAuthorization(Permissions.AlertRead)
            .WithName("ListPollers")
            .WithSummary("Pull connectors and their health")
            .WithDescription(
                "Every configured poller, and every poller with a stored checkpoint, with its health from that checkpoint (the same on "
                + "every node): owner node, last run, last success, last error and failures in a row, events pulled, newest event "
                + "time and lag, next run. configured=false marks a checkpoint left by a poller no longer configured here.");

    private static async Task<Ok<PollerView[]>> ListPollersAsync(PullSources sources, IVigilStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var checkpoints = (await store.ListCheckpointsAsync(IngestCheckpointKinds.Poller, cancellationToken)).ToDictionary(c => c.Name, StringComparer.Ordinal);
        var views = new List<PollerView>();
        foreach (var source in sources.All.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            var name = PullRunner.CheckpointName(source.Name);
            views.Add(View(source.Name, source.Source, source.Endpoint, (int)source.Interval.TotalSeconds, true, checkpoints.GetValueOrDefault(name), now));
            checkpoints.Remove(name);
        }

        views.AddRange(checkpoints.Values.Select(c => View(c.Name["poller:".Length..], "-", "-", 0, false, c, now)));
        return TypedResults.Ok(views.ToArray());
    }

    private static PollerView View(string name, string source, string endpoint, int interval, bool configured, IngestCheckpoint? checkpoint, DateTimeOffset now) => new(
        name,
        source,
        endpoint,
        interval,
        configured,
        checkpoint?.OwnerId,
        checkpoint?.LastRunAt,
        checkpoint?.LastSuccessAt,
        checkpoint?.LastErrorAt,
        checkpoint?.LastError,
        checkpoint?.ConsecutiveFailures ?? 0,
        checkpoint?.EventsTotal ?? 0,
        checkpoint?.NewestEventAt,
        checkpoint?.NewestEventAt is { } newest ? Math.Max(0, (now - newest).TotalSeconds) : null,
        checkpoint?.NextRunAt);
}
