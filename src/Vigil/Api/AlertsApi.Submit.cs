using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vigil.Api.Contracts;
using Vigil.Domain.DeadLetters;
using Vigil.Hosting;
using Vigil.Hosting.Auth;
using Vigil.Hosting.Metrics;
using Vigil.Pipeline.Ingest;

namespace Vigil.Api;

internal static partial class AlertsApi
{
    private static async Task<Results<Created<AlertOutcome>, Ok<AlertOutcome>, Accepted<BatchOutcome>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        HttpContext context,
        AlertSubmissionParser parser,
        AlertIngestor ingestor,
        DeadLetterService deadLetters,
        VigilMetrics metrics,
        IOptions<VigilServerOptions> options,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var request = context.Request;
        var body = await RequestBody.ReadAsync(request, limits.MaxRequestBodyBytes, limits.OversizedKeepBytes, cancellationToken);

        if (body.TooLarge)
        {
            var size = body.DeclaredLength is { } declared ? $"{declared} bytes" : "a chunked body";
            var letter = await RecordAsync(deadLetters, metrics, loggers, "unknown", body, $"body too large: {size}, limit {limits.MaxRequestBodyBytes} bytes; first {body.Length} bytes kept", request.ContentType, cancellationToken);
            var problem = BodyLimitMiddleware.TooLarge(body.DeclaredLength, limits.MaxRequestBodyBytes);
            problem.Extensions["dead_letter_id"] = letter;
            return TypedResults.Problem(problem);
        }

        if (!RequestBody.IsJson(request.ContentType))
        {
            var reason = $"unsupported content type '{request.ContentType ?? "(none)"}': send application/json";
            var letter = await RecordAsync(deadLetters, metrics, loggers, "unknown", body, reason, request.ContentType, cancellationToken);
            return TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported content type",
                detail: reason,
                type: "urn:vigil:problem:unsupported-media-type",
                extensions: new Dictionary<string, object?> { ["dead_letter_id"] = letter });
        }

        var submission = parser.Parse(body.Memory);
        if (!submission.IsValid)
        {
            var reason = string.Join("; ", submission.Errors);
            var letter = await RecordAsync(deadLetters, metrics, loggers, submission.SourceHint, body, reason, request.ContentType, cancellationToken);
            var errors = submission.Errors
                .GroupBy(e => e.Path, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal);
            return ApiProblems.Invalid(errors, "Invalid alert submission", new Dictionary<string, object?> { ["dead_letter_id"] = letter });
        }

        if (context.User.RestrictedSource() is { } only && submission.Drafts.Any(d => d.Source != only))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Source not allowed for this key",
                detail: $"This API key may submit alerts only for source '{only}'.",
                type: "urn:vigil:problem:forbidden");
        }

        metrics.AlertsReceived.Add(submission.Drafts.Count);
        var outcomes = await ingestor.IngestAsync(submission.Drafts, context.User.ToActor(), cancellationToken);
        var created = 0;
        var views = new AlertOutcome[outcomes.Count];
        for (var i = 0; i < outcomes.Count; i++)
        {
            views[i] = AlertOutcome.From(outcomes[i]);
            created += outcomes[i].Created ? 1 : 0;
        }

        metrics.AlertsCreated.Add(created);
        metrics.AlertsDuplicate.Add(outcomes.Count - created);
        if (submission.IsBatch)
        {
            return TypedResults.Accepted((string?)null, new BatchOutcome(views.Length, created, views.Length - created, views));
        }

        var single = views[0];
        return single.Created
            ? TypedResults.Created($"/api/v1/alerts/{single.AlertId}", single)
            : TypedResults.Ok(single);
    }

    private static async Task<string> RecordAsync(
        DeadLetterService deadLetters, VigilMetrics metrics, ILoggerFactory loggers, string source, RequestBody body, string reason, string? contentType, CancellationToken cancellationToken)
    {
        // Decoded leniently: a dead letter must keep whatever arrived, even bytes that are not valid UTF-8.
        var payload = Encoding.UTF8.GetString(body.Buffer, 0, body.Length);
        var letter = await deadLetters.RecordAsync(DeadLetterChannels.Alert, source, payload, reason, contentType, cancellationToken);
        metrics.DeadLetters.Add();
        // Looked up only on this rare path, so an accepted request costs no logger-factory lookup.
        ServerLog.AlertRejected(loggers.CreateLogger(typeof(AlertsApi)), source, reason.Length > 500 ? reason[..500] : reason, letter.Id);
        return letter.Id;
    }
}
