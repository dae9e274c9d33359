using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Hosting.Auth;
using Vigil.Pipeline.Access;
using Vigil.Pipeline.Ports;

namespace Vigil.Web.Auth;

/// <summary>
/// Before any console page: a user who must replace a one-time password, or whose role requires MFA and who has not
/// enrolled, sees only the account page until that is done.
/// </summary>
internal sealed class ConsoleGateFilter : IAsyncPageFilter
{
    public const string AccountPage = "/Account/Index";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        var page = context.ActionDescriptor.ViewEnginePath;
        if (http.User.Identity?.IsAuthenticated == true && http.User.FindFirst(VigilClaims.UserId)?.Value is { } id
            && page is not AccountPage and not "/Logout")
        {
            var user = await http.RequestServices.GetRequiredService<IVigilStore>().GetUserAsync(id, http.RequestAborted);
            var options = http.RequestServices.GetRequiredService<UserService>().Options;
            if (user is not null && (user.MustChangePassword || (!user.HasTotp && options.RequiresMfa(user.Roles))))
            {
                context.Result = new RedirectToPageResult(AccountPage);
                return;
            }
        }

        await next();
    }
}
