using System.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Vigil.Hosting;

internal static class ProblemDetailsDefaults
{
    /// <summary>Every problem names the request it answers and a trace id to quote; nothing more about the server.</summary>
    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        problem.Instance ??= $"{context.HttpContext.Request.Method} {context.HttpContext.Request.Path}";
        problem.Extensions["trace_id"] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
        // Status-code pages for unknown routes arrive without a title or detail; say what happened.
        if (problem.Status == StatusCodes.Status404NotFound && problem.Detail is null && problem.Type?.StartsWith("https://tools.ietf.org", StringComparison.Ordinal) != false)
        {
            problem.Detail ??= "No such endpoint. The API reference is at /api/reference.";
        }
    }
}
