using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Vigil.Pipeline.Access;

namespace Vigil.Hosting.Auth;

/// <summary>
/// <c>Authorization: Bearer vgl_…</c>. Missing, malformed, unknown and revoked keys all get the same 401 with
/// <c>WWW-Authenticate: Bearer</c> (RFC 6750 §3), so a caller learns nothing about which keys exist.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    ApiKeyCache keys,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "ApiKey";

    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header) || !header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var key = await keys.AuthenticateAsync(header.AsSpan(BearerPrefix.Length).Trim().ToString(), Context.RequestAborted);
        return key is null
            ? AuthenticateResult.Fail("invalid or revoked API key")
            : AuthenticateResult.Success(new AuthenticationTicket(VigilClaims.ForApiKey(key, SchemeName), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failed = Request.Headers.Authorization.Count > 0;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers[HeaderNames.WWWAuthenticate] = failed
            ? "Bearer realm=\"vigil\", error=\"invalid_token\""
            : "Bearer realm=\"vigil\"";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "Authentication required",
                Detail = failed
                    ? "The bearer token is not a valid, active Vigil API key."
                    : "Send an API key as 'Authorization: Bearer vgl_…'.",
            },
        });
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Permission denied",
                Detail = "The API key lacks the scope this operation needs.",
            },
        });
    }
}
