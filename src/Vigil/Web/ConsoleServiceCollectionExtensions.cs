using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Web.Auth;

namespace Vigil.Web;

internal static class ConsoleServiceCollectionExtensions
{
    /// <summary>
    /// The analyst console: Razor Pages under Web/Pages behind a cookie session (separate from API keys, so the API
    /// never accepts a cookie and cannot be driven cross-site), anti-forgery on every form, and a per-address limit on
    /// sign-in attempts beside the per-account lockout.
    /// </summary>
    public static IServiceCollection AddVigilConsole(this IServiceCollection services)
    {
        services.AddRazorPages(options =>
        {
            options.RootDirectory = "/Web/Pages";
            options.Conventions.AuthorizeFolder("/", ConsoleSchemes.Policy);
            options.Conventions.AllowAnonymousToPage("/Login");
            options.Conventions.AllowAnonymousToPage("/LoginMfa");
        }).AddMvcOptions(options =>
        {
            options.Filters.Add(new ConsoleGateFilter());
            options.Filters.Add(new ConsolePermissionFilter());
        }).ConfigureApplicationPartManager(parts =>
        {
            // The pages are compiled into this assembly, and MVC looks for them from the entry assembly, which is a
            // test runner when the tests host the server.
            var assembly = typeof(ConsoleServiceCollectionExtensions).Assembly;
            if (!parts.ApplicationParts.Any(p => p is AssemblyPart part && part.Assembly == assembly))
            {
                foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(assembly).GetApplicationParts(assembly))
                {
                    parts.ApplicationParts.Add(part);
                }
            }
        });

        services.AddAuthentication()
            .AddCookie(ConsoleSchemes.Session, options =>
            {
                options.Cookie.Name = ConsoleSchemes.SessionCookie;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                // Secure whenever the console is served over HTTPS; plain HTTP is for loopback and demos only.
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.LoginPath = "/login";
                options.LogoutPath = "/logout";
                options.AccessDeniedPath = "/login";
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                options.EventsType = typeof(SessionValidator);
            })
            .AddCookie(ConsoleSchemes.PendingMfa, options =>
            {
                options.Cookie.Name = ConsoleSchemes.PendingMfaCookie;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromMinutes(5);
                options.SlidingExpiration = false;
                options.LoginPath = "/login";
            });
        services.AddSingleton<SessionValidator>();
        services.AddSingleton<Queue.CaseSignalReader>();
        services.AddAuthorizationBuilder()
            .AddPolicy(ConsoleSchemes.Policy, new AuthorizationPolicyBuilder(ConsoleSchemes.Session).RequireAuthenticatedUser().Build());

        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = ConsoleSchemes.AntiforgeryCookie;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.HeaderName = "X-Vigil-CSRF";
        });

        services.Configure<CookieTempDataProviderOptions>(options =>
        {
            options.Cookie.Name = "vigil.flash";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Ten sign-in posts a minute per address: plenty for a person who mistypes, slow for a guesser, whose
            // per-account attempts the lockout bounds anyway.
            options.AddPolicy(ConsoleSchemes.SignInLimit, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = 10, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("read"));
        });
        return services;
    }
}
