using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Vigil.Api;

/// <summary>
/// The API's expected failures as RFC 9457 problems. "Not found" has one wording whether the thing is missing or the
/// caller may not see it, so that status and body alike reveal nothing about what exists.
/// </summary>
internal static class ApiProblems
{
    public static ProblemHttpResult NotFound(string what, string? id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: $"{Capitalise(what)} not found",
        detail: $"There is no {what} '{id}' visible to this caller.",
        type: "urn:vigil:problem:not-found");

    public static ProblemHttpResult Forbidden(string permission) => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden,
        title: "Permission denied",
        detail: $"This operation needs the '{permission}' permission.",
        type: "urn:vigil:problem:forbidden",
        extensions: new Dictionary<string, object?> { ["permission"] = permission });

    public static ProblemHttpResult Conflict(string title, string detail, IDictionary<string, object?>? extensions = null) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: title,
        detail: detail,
        type: "urn:vigil:problem:conflict",
        extensions: extensions);

    public static ValidationProblem Invalid(string path, string message, string title = "Invalid request") =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [path] = [message] },
            detail: $"{path}: {message}",
            title: title,
            type: "urn:vigil:problem:invalid");

    public static ValidationProblem Invalid(IReadOnlyDictionary<string, string[]> errors, string title, IDictionary<string, object?>? extensions = null) =>
        TypedResults.ValidationProblem(
            errors,
            detail: string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")),
            title: title,
            type: "urn:vigil:problem:invalid",
            extensions: extensions);

    private static string Capitalise(string text) => string.Concat(text[..1].ToUpperInvariant(), text.AsSpan(1));
}
