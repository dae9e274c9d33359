using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Vigil.Api;

/// <summary>
/// A browsable API reference rendered on the server from the OpenAPI document: no script and nothing from a CDN
/// (Vigil runs where there is no internet), so the strict CSP holds on this page too.
/// </summary>
internal static class ReferenceApi
{
    public static IEndpointRouteBuilder MapReferenceApi(this IEndpointRouteBuilder routes)
    {
        routes.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();

        routes.MapGet("/api/reference", async (ApiReferencePage page, CancellationToken cancellationToken) =>
                TypedResults.Text(await page.RenderAsync(cancellationToken), "text/html; charset=utf-8"))
            .AllowAnonymous()
            .ExcludeFromDescription();

        routes.MapGet("/api/reference.css", () => TypedResults.Text(ApiReferencePage.Stylesheet, "text/css; charset=utf-8"))
            .AllowAnonymous()
            .ExcludeFromDescription();
        return routes;
    }
}
