using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Vigil.Web;

internal static class ConsoleEndpointRouteBuilderExtensions
{
    /// <summary>The console's pages, its assets, and <c>/</c> leading to the queue.</summary>
    public static IEndpointRouteBuilder MapVigilConsole(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", () => Results.Redirect("/queue")).AllowAnonymous().ExcludeFromDescription();
        routes.MapConsoleAssets();
        routes.MapRazorPages();
        return routes;
    }
}
