using System.Net;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Api;
using Vigil.Domain.Access;
using Vigil.Domain.Ledger;
using Vigil.Pipeline.Access;
using Vigil.Pipeline.Ports;
using Vigil.Tests.Support;
using Vigil.Testing;
using Vigil.Web.Auth;

namespace Vigil.Tests.Console;

/// <summary>
/// Every role × every endpoint and console page, discovered from the server's endpoint data source (so an endpoint
/// added later is covered without editing this test). The permission an endpoint needs is read from its metadata
/// (authorization policies, <see cref="PermissionOrNotFoundMetadata"/>, <see cref="ConsolePermissionAttribute"/>);
/// the test then proves the server enforces it: a role holding it gets through, a role lacking it is refused, and a
/// refused read of one resource or page is the same 404 as something that does not exist. An endpoint that names no
/// permission must be on the short, explicit list of open or any-signed-in endpoints.
/// </summary>
public sealed class AuthorizationMatrixTests : IDisposable
{
    private const string Password = "matrix passphrase 1";

    // Open to everyone by design: health probe, sign-in forms, the console's assets and the API reference.
    private static readonly string[] Anonymous = ["/healthz", "/login", "/login/mfa", "/assets/{name}", "/", "/api/reference", "/api/reference.css", "/openapi/{documentName}.json"];

    // Any signed-in console user: their own account, sign-out, theme, the pages every role may open.
    private static readonly string[] AnySignedIn = ["/account", "/logout", "/theme", "/approvals"];

    private readonly TempDirectory _directory = new("vigil-matrix");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryRole_EveryEndpointAndPage_AllowedOrDeniedAsItsPermissionSays()
    {
        await using var host = await ApiHost.StartAsync(new StoreLocation { DataDirectory = _directory.File("data") });
        var seeds = await SeedAsync(host);
        var endpoints = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToArray();
        Assert.Contains(endpoints, e => Pattern(e) == "/queue");
        Assert.Contains(endpoints, e => Pattern(e) == "/api/v1/cases/{id}");

        var roles = Roles.Grants.Keys.ToArray();
        var apiClients = new Dictionary<string, HttpClient>(StringComparer.Ordinal);
        var sessions = new Dictionary<string, ConsoleSession>(StringComparer.Ordinal);
        var server = host.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>() as TestServer
            ?? throw new InvalidOperationException("the matrix runs on the test server");
        foreach (var role in roles)
        {
            apiClients[role] = await host.ClientWithScopesAsync([.. Roles.Grants[role]]);
            sessions[role] = await SignInAsync(host, server, role);
        }

        using var anonymousApi = host.Client(null);
        using var anonymousConsole = ConsoleSession.Anonymous(server);
        var failures = new List<string>();
        var checkedCount = 0;
        foreach (var endpoint in endpoints)
        {
            var pattern = Pattern(endpoint);
            var isPage = endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null;
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var required = RequiredPermissions(endpoint, isPage, out var anyOf);
            var open = Anonymous.Contains(pattern, StringComparer.Ordinal) || endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            if (required.Count == 0 && !open && !AnySignedIn.Contains(pattern, StringComparer.Ordinal))
            {
                failures.Add($"{string.Join(",", methods)} {pattern} names no permission and is not on the open or any-signed-in list");
                continue;
            }

            var url = Url(pattern, seeds);
            foreach (var method in isPage ? ["GET"] : methods)
            {
                // Anonymous: the API challenges, the console sends to the sign-in page.
                if (!open)
                {
                    using var response = isPage ? await anonymousConsole.Client.GetAsync(new Uri(url, UriKind.Relative), Ct) : await SendAsync(anonymousApi, method, url);
                    var ok = isPage ? response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/login", StringComparison.Ordinal)
                        : response.StatusCode == HttpStatusCode.Unauthorized;
                    Record(ok, "anonymous", method, pattern, response.StatusCode);
                }

                foreach (var role in roles)
                {
                    var held = Roles.Grants[role];
                    var allowed = required.Count == 0 || (anyOf ? required.Any(p => Permissions.Grants(held, p)) : required.All(p => Permissions.Grants(held, p)));
                    using var response = isPage ? await sessions[role].Client.GetAsync(new Uri(url, UriKind.Relative), Ct) : await SendAsync(apiClients[role], method, url);
                    var status = response.StatusCode;
                    bool ok;
                    if (allowed)
                    {
                        ok = status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                            && !(status == HttpStatusCode.NotFound && (isPage || (method == "GET" && seeds.Covers(pattern))));
                    }
                    else
                    {
                        var expected = isPage || endpoint.Metadata.GetMetadata<PermissionOrNotFoundMetadata>() is not null
                            ? HttpStatusCode.NotFound
                            : HttpStatusCode.Forbidden;
                        ok = status == expected;
                    }

                    Record(ok, role + (allowed ? " (allowed)" : " (denied)"), method, pattern, status);
                }
            }
        }

        Assert.True(checkedCount > 200, $"only {checkedCount} checks ran");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        foreach (var client in apiClients.Values)
        {
            client.Dispose();
        }

        foreach (var session in sessions.Values)
        {
            session.Dispose();
        }

        void Record(bool ok, string who, string method, string pattern, HttpStatusCode status)
        {
            checkedCount++;
            if (!ok)
            {
                failures.Add($"{who}: {method} {pattern} answered {(int)status}");
            }
        }
    }

    // Page routes are stored without their leading slash ("queue"), API routes with it.
    private static string Pattern(RouteEndpoint endpoint) => "/" + (endpoint.RoutePattern.RawText ?? string.Empty).TrimStart('/');

    private static IReadOnlyList<string> RequiredPermissions(Endpoint endpoint, bool isPage, out bool anyOf)
    {
        anyOf = isPage;
        if (isPage)
        {
            return endpoint.Metadata.GetOrderedMetadata<ConsolePermissionAttribute>().Select(a => a.Permission).Distinct().ToArray();
        }

        if (endpoint.Metadata.GetMetadata<AnyPermissionMetadata>() is { } any)
        {
            anyOf = true;
            return any.Permissions;
        }

        return endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>()
            .Concat(endpoint.Metadata.GetOrderedMetadata<PermissionOrNotFoundMetadata>().Select(m => m.Permission))
            .Where(Permissions.IsKnown).Distinct().ToArray();
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string url)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method is not ("GET" or "HEAD" or "DELETE"))
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        return client.SendAsync(request, Ct);
    }

    private static string Url(string pattern, Seeds seeds)
    {
        var url = pattern;
        foreach (var (prefix, value) in seeds.ByPrefix)
        {
            if (url.StartsWith(prefix, StringComparison.Ordinal))
            {
                url = url.Replace("{id}", value, StringComparison.Ordinal);
            }
        }

        return url.Replace("{source}", "edr", StringComparison.Ordinal)
            .Replace("{name}", "console.css", StringComparison.Ordinal)
            .Replace("{documentName}", "v1", StringComparison.Ordinal)
            .Replace("{id}", "missing", StringComparison.Ordinal);
    }

    private static async Task<Seeds> SeedAsync(ApiHost host)
    {
        using var alert = await host.Admin.PostJsonAsync("/api/v1/alerts", """{"source": "edr", "source_ref": "m-1", "title": "Matrix", "severity": "high", "entities": [{"type": "host", "value": "h1"}]}""");
        var created = await alert.ExpectAsync(HttpStatusCode.Created);
        using var recommended = await host.Admin.PostJsonAsync($"/api/v1/cases/{(string)created["case_id"]!}/recommendation", "{}");
        await recommended.ExpectAsync(HttpStatusCode.OK);
        using var broken = await host.Admin.PostJsonAsync("/api/v1/alerts", """{"source": "edr", "title": 5}""");
        var letters = await host.Store.ListDeadLettersAsync(new DeadLetterQuery(), Ct);
        var key = await host.Services.GetRequiredService<ApiKeyService>().CreateAsync("matrix-spare", [Permissions.AlertRead], null, Actor.System, Ct);
        return new Seeds(
        [
            ("/api/v1/cases/", (string)created["case_id"]!),
            ("/cases/", (string)created["case_id"]!),
            ("/api/v1/alerts/", (string)created["alert_id"]!),
            ("/api/v1/deadletters/", letters[0].Id),
            ("/api/v1/apikeys/", key.Record.Id),
        ]);
    }

    private static async Task<ConsoleSession> SignInAsync(ApiHost host, TestServer server, string role)
    {
        var users = host.Services.GetRequiredService<UserService>();
        var name = "m-" + role.Replace('_', '-');
        await users.CreateAsync(name, Password, [role], mustChangePassword: false, Actor.System, Ct);
        if (!users.Options.RequiresMfa([role]))
        {
            return await ConsoleSession.SignInAsync(server, name, Password);
        }

        var secret = Totp.FromBase32((await users.BeginTotpEnrolmentAsync(name, Ct))!.Secret);
        Assert.True(await users.ConfirmTotpEnrolmentAsync(name, Totp.Compute(secret, DateTimeOffset.UtcNow.AddSeconds(-30)), Ct));
        return await ConsoleSession.SignInAsync(server, name, Password, () => Totp.Compute(secret, DateTimeOffset.UtcNow));
    }

    public void Dispose() => _directory.Dispose();

    private sealed record Seeds(IReadOnlyList<(string Prefix, string Value)> ByPrefix)
    {
        public bool Covers(string pattern) => !pattern.Contains('{', StringComparison.Ordinal) || ByPrefix.Any(s => pattern.StartsWith(s.Prefix, StringComparison.Ordinal));
    }
}
