using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vigil.Api.Contracts;
using Vigil.Domain.Access;
using Vigil.Domain.DeadLetters;
using Vigil.Hosting;
using Vigil.Hosting.Auth;
using Vigil.Hosting.Metrics;
using Vigil.Pipeline.Ingest;
using Vigil.Pipeline.Normalize;

namespace Vigil.Api;

/// <summary>Raw vendor events pushed over HTTP, normalised by the source's mapping and stored as alerts.</summary>
internal static partial class IngestApi
{
    public static RouteGroupBuilder MapIngestApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/ingest").WithTags("Ingest").RequireAuthorization();

        group.MapPost("/{source}", PushAsync)
            .RequireAuthorization(Permissions.AlertWrite)
            .WithMetadata(BodyLimit.HandledByEndpoint)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithName("PushEvents")
            .WithSummary("Push raw vendor events for a source")
            .WithDescription(
                "One event object, a JSON array of events, or JSON lines (application/x-ndjson), optionally with "
                + "Content-Encoding: gzip (the decompressed size is held to the same body limit). {source} is a mapping name "
                + "(GET /api/v1/ingest/sources) or 'auto' to recognise each event by its shape. Answers 202 only after the "
                + "batch is committed: events that normalise become alerts (repeats raise an occurrence count), each one that "
                + "does not is kept as a dead letter with its position and reason. A source over its rate limit (Vigil:Ingest:Sources:NAME:EventsPerSecond) "
                + "gets 429 with Retry-After and nothing of the batch is stored. A key restricted to one source sees only that source.");

        group.MapGet("/sources", ListSources)
            .RequireAuthorization(Permissions.AlertRead)
            .WithName("ListIngestSources")
            .WithSummary("Sources events can be pushed for")
            .WithDescription("Each mapping with the events this server received for it since it started: stored, deduplicated, dead-lettered, and with schema drift.");
        MapPollers(group);
        return group;
    }

    private static async Task<Results<Accepted<IngestReport>, ProblemHttpResult>> PushAsync(
        string source,
        HttpContext context,
        MappingCatalog catalog,
        EventIngestor ingestor,
        DeadLetterService deadLetters,
        SourceRateLimits limits,
        VigilMetrics metrics,
        IOptions<VigilServerOptions> options,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        // A key bound to one source gets the same 404 for every other source as for one that does not exist,
        // so it cannot learn which mappings this server has.
        var only = context.User.RestrictedSource();
        if ((only is not null && only != source) || (source != MappingCatalog.Auto && !catalog.TryGet(source, out _)))
        {
            return UnknownSource(source, only is null ? [MappingCatalog.Auto, .. catalog.Mappings.Select(m => m.Name).Order(StringComparer.Ordinal)] : [only]);
        }

        var request = context.Request;
        var logger = loggers.CreateLogger(typeof(IngestApi));
        var body = await ReadBodyAsync(request, options.Value, cancellationToken);
        if (body.Problem is { } problem)
        {
            var letter = await deadLetters.RecordAsync(DeadLetterChannels.Event, source, body.Text(), problem.Detail!, request.ContentType, cancellationToken);
            metrics.DeadLetters.Add();
            ServerLog.AlertRejected(logger, source, problem.Detail!, letter.Id);
            problem.Extensions["dead_letter_id"] = letter.Id;
            return TypedResults.Problem(problem);
        }

        var events = await ReadEventsAsync(body, cancellationToken);
        if (events.Count == 0)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "No events",
                detail: "The body holds no event: send a JSON object, a JSON array of objects, or JSON lines.",
                type: "urn:vigil:problem:invalid");
        }

        if (limits.TryTake(source, events.Count) is { } wait)
        {
            // Refused whole and before anything is stored: not acknowledged, so the sender keeps the batch and retries.
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Rate limit",
                detail: $"Source '{source}' is limited (Vigil:Ingest:Sources:{source}:EventsPerSecond); nothing of this batch of {events.Count} event(s) was stored. Retry after {seconds} s.",
                type: "urn:vigil:problem:rate-limited",
                extensions: new Dictionary<string, object?> { ["retry_after_seconds"] = seconds });
        }

        var summary = await ingestor.IngestAsync(source, events, "HTTP push", request.ContentType ?? "application/json", context.User.ToActor(), cancellationToken);
        metrics.AlertsReceived.Add(summary.Stored + summary.Deduplicated);
        metrics.AlertsCreated.Add(summary.Stored);
        metrics.AlertsDuplicate.Add(summary.Deduplicated);
        metrics.DeadLetters.Add(summary.DeadLettered);
        return TypedResults.Accepted((string?)null, new IngestReport(
            source,
            summary.Read,
            summary.Stored,
            summary.Deduplicated,
            summary.DeadLettered,
            summary.Drifted,
            summary.DeadLetterIds,
            [.. summary.Alerts.Select(AlertOutcome.From)]));
    }

    private static async Task<List<RawJsonEvent>> ReadEventsAsync(IngestBody body, CancellationToken cancellationToken)
    {
        var events = new List<RawJsonEvent>();
        using var stream = new MemoryStream(body.Buffer, 0, body.Length, writable: false);
        await foreach (var item in JsonEventReader.ReadAsync(stream, cancellationToken))
        {
            events.Add(item);
        }

        return events;
    }

    private static Ok<IngestSourceView[]> ListSources(HttpContext context, MappingCatalog catalog, SourceHealth health)
    {
        var only = context.User.RestrictedSource();
        var views = catalog.Mappings
            .Where(m => only is null || m.Name == only)
            .OrderBy(m => m.Name, StringComparer.Ordinal)
            .Select(m => health.Get(m.Name) is { } h
                ? new IngestSourceView(m.Name, m.Description, m.Vendor, m.Product, h.Received, h.Stored, h.Deduplicated, h.DeadLettered, h.Drifted, h.LastReceivedAt)
                : new IngestSourceView(m.Name, m.Description, m.Vendor, m.Product, 0, 0, 0, 0, 0, null));
        return TypedResults.Ok(views.ToArray());
    }

    private static ProblemHttpResult UnknownSource(string source, string[] known) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Source not found",
        detail: $"There is no source '{source}' visible to this caller. Known: {string.Join(", ", known)}.",
        type: "urn:vigil:problem:not-found",
        extensions: new Dictionary<string, object?> { ["known_sources"] = known });
}
