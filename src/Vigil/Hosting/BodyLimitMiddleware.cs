using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Vigil.Hosting;

/// <summary>
/// Refuses a body whose declared length is over the limit before anything reads it, with a 413 that says the limit.
/// Kestrel enforces the same limit on chunked bodies while they are read (see <see cref="ProblemExceptionHandler"/>).
/// </summary>
internal sealed class BodyLimitMiddleware(RequestDelegate next, IOptions<VigilServerOptions> options, IProblemDetailsService problems)
{
    private readonly long _limit = options.Value.MaxRequestBodyBytes;

    public Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<BodyLimit>() is not null)
        {
            // The endpoint dead-letters what it refuses, so Kestrel must not cut the body off first.
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            {
                feature.MaxRequestBodySize = null;
            }

            return next(context);
        }

        if (context.Request.ContentLength is { } length && length > _limit)
        {
            return WriteTooLargeAsync(context, problems, length, _limit);
        }

        return next(context);
    }

    private static Task WriteTooLargeAsync(HttpContext context, IProblemDetailsService problems, long length, long limit)
    {
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        return problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = TooLarge(length, limit) }).AsTask();
    }

    public static ProblemDetails TooLarge(long? length, long limit)
    {
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status413PayloadTooLarge,
            Title = "Request body too large",
            Type = "urn:vigil:problem:too-large",
            Detail = length is { } size
                ? $"The body is {size} bytes; at most {limit} bytes are accepted (Vigil:Server:MaxRequestBodyBytes)."
                : $"The body exceeds the limit of {limit} bytes (Vigil:Server:MaxRequestBodyBytes).",
        };
        problem.Extensions["limit_bytes"] = limit;
        return problem;
    }
}
