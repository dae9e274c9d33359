using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;

namespace Vigil.Tests.Support;

/// <summary>
/// A browser-like client of the console on the test server: keeps cookies, does not follow redirects, and signs in
/// through the real forms (anti-forgery token included), with a TOTP code when asked.
/// </summary>
public sealed partial class ConsoleSession : IDisposable
{
    private readonly HttpClient _client;

    private ConsoleSession(HttpClient client) => _client = client;

    public HttpClient Client => _client;

    public static ConsoleSession Anonymous(TestServer server)
    {
        var client = new HttpClient(new CookieContainerHandler { InnerHandler = server.CreateHandler() }) { BaseAddress = new Uri("http://localhost") };
        return new ConsoleSession(client);
    }

    public static async Task<ConsoleSession> SignInAsync(TestServer server, string username, string password, Func<string>? code = null)
    {
        var session = Anonymous(server);
        using var first = await session.PostFormAsync("/login", new() { ["username"] = username, ["password"] = password });
        var location = first.Headers.Location?.ToString() ?? string.Empty;
        if (location.StartsWith("/login/mfa", StringComparison.Ordinal))
        {
            using var second = await session.PostFormAsync("/login/mfa", new() { ["code"] = code!() });
            location = second.Headers.Location?.ToString() ?? string.Empty;
        }

        if (first.StatusCode != HttpStatusCode.Redirect || location.StartsWith("/login", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"sign-in of {username} failed: {(int)first.StatusCode} → {location}");
        }

        return session;
    }

    /// <summary>GETs the form page for its anti-forgery token, then posts the fields with it.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, Dictionary<string, string> fields, string? formPage = null)
    {
        var html = await _client.GetStringAsync(new Uri(formPage ?? path, UriKind.Relative), TestContext.Current.CancellationToken);
        var token = TokenPattern().Match(html);
        if (!token.Success)
        {
            throw new InvalidOperationException($"{formPage ?? path} has no anti-forgery token");
        }

        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        using var content = new FormUrlEncodedContent(fields);
        return await _client.PostAsync(new Uri(path, UriKind.Relative), content, TestContext.Current.CancellationToken);
    }

    public void Dispose() => _client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
