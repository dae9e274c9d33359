using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Vigil.Hosting.Auth;

namespace Vigil.Web.Auth;

/// <summary>Enforces <see cref="ConsolePermissionAttribute"/> before any handler of the page runs, GET or POST.</summary>
internal sealed class ConsolePermissionFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var required = context.HandlerInstance.GetType().GetCustomAttributes<ConsolePermissionAttribute>().ToArray();
        if (required.Length > 0 && !required.Any(attribute => context.HttpContext.User.HasPermission(attribute.Permission)))
        {
            context.Result = new NotFoundResult();
            return Task.CompletedTask;
        }

        return next();
    }
}
