using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Vigil.Hosting;

/// <summary>
/// The one place unexpected failures become responses. Binding failures (bad JSON, wrong content type, body too
/// large) are the caller's fault and are described with where they happened; anything else is a 500 that names only
/// a trace id — never an exception message or stack, which could leak paths, SQL or secrets.
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            // The caller went away; there is nobody to answer.
            return true;
        }

        var problem = exception switch
        {
            BadHttpRequestException bad => Describe(bad),
            _ => null,
        };
        if (problem is null)
        {
            var traceId = Activity.Current?.Id ?? httpContext.TraceIdentifier;
            ServerLog.Unhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path, traceId);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "Unexpected error",
                Detail = "Vigil could not complete the request. Nothing was half-written: the change was rolled back. Quote the trace id when reporting it.",
            };
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails Describe(BadHttpRequestException exception)
    {
        if (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new ProblemDetails { Status = 413, Title = "Request body too large", Detail = "The body exceeds the configured limit (Vigil:Server:MaxRequestBodyBytes)." };
        }

        if (exception.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            return new ProblemDetails { Status = 415, Title = "Unsupported content type", Detail = "Send the body as application/json." };
        }

        if (exception.InnerException is JsonException json)
        {
            var (path, message) = JsonErrors.Describe(json);
            return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [path] = [message] })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "Invalid request body",
                Detail = $"{path}: {message}",
            };
        }

        return new ProblemDetails
        {
            Status = exception.StatusCode,
            Title = "Bad request",
            // Binding messages name the parameter and the offending value, not internals ("Failed to bind parameter \"int limit\" from \"x\"").
            Detail = exception.Message,
        };
    }
}
