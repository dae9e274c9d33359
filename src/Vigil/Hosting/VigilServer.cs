using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Vigil.Api;
using Vigil.Connectors;
using Vigil.Connectors.Enrichment;
using Vigil.Hosting.Auth;
using Vigil.Hosting.Metrics;
using Vigil.Hosting.OpenApi;
using Vigil.Listeners;
using Vigil.Pipeline;
using Vigil.Pipeline.Access;
using Vigil.Pipeline.Ingest;
using Vigil.Pipeline.Ports;
using Vigil.Web;

namespace Vigil.Hosting;

/// <summary>The web server's composition root: services, then the request pipeline, then the endpoints.</summary>
internal static class VigilServer
{
    public static WebApplication Build(ServerSettings settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = settings.Args,
            ContentRootPath = AppContext.BaseDirectory,
        });

        // Configuration: appsettings.json, then VIGIL__Section__Key environment variables, then CLI flags.
        if (settings.Urls is not null)
        {
            builder.Configuration.AddInMemoryCollection([new($"{VigilServerOptions.Section}:Urls", settings.Urls)]);
        }

        builder.Services.AddOptions<VigilServerOptions>().BindConfiguration(VigilServerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.WebHost.UseUrls(builder.Configuration[$"{VigilServerOptions.Section}:Urls"] ?? VigilServerOptions.DefaultUrl);
        builder.Services.AddOptions<KestrelServerOptions>().Configure<IOptions<VigilServerOptions>>((kestrel, server) =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = server.Value.MaxRequestBodyBytes;
        });

        // The store and the pipeline stages; submission limits are configurable under Vigil:Ingest.
        builder.Services.AddSingleton(_ => settings.StoreFactory.Open(settings.Store));
        builder.Services.AddSingleton(settings.Store);
        builder.Services.AddSingleton(services => services.GetRequiredService<IConfiguration>().GetSection("Vigil:Ingest").Get<SubmissionLimits>() ?? new SubmissionLimits());
        builder.Services.AddVigilPipeline();
        builder.Services.AddVigilKeyRing(builder.Configuration["Vigil:Keys:Directory"] ?? Path.Combine(settings.Store.EffectiveDataDirectory, "keys"));
        builder.Services.AddSyslogListener();
        builder.Services.AddMailboxPoller();
        builder.Services.AddRecommend(settings.Store);
        builder.Services.AddVigilConnectors(settings.Store, builder.Configuration);
        builder.Services.AddPollers();
        builder.Services.AddSingleton<SourceRateLimits>();
        builder.Services.AddVigilEnrichmentConnectors(builder.Configuration);
        builder.Services.AddEvidenceWorkers();

        // Errors as RFC 9457 problem details; JSON in snake_case, strictly read.
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemDetailsDefaults.Customize);
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.ConfigureHttpJsonOptions(options => ApiJson.Configure(options.SerializerOptions));

        // API keys, one policy per permission; metrics; the OpenAPI document and its reference page.
        builder.Services.AddVigilAuth();
        builder.Services.AddSingleton<VigilMetrics>();
        builder.Services.AddOpenApi(ApiReferencePage.DocumentName, options =>
        {
            var bearer = new BearerSecurityTransformer();
            options.AddDocumentTransformer(bearer);
            options.AddOperationTransformer(bearer);
        });
        builder.Services.AddSingleton<ApiReferencePage>();

        // The analyst console (Razor Pages, cookie sessions with TOTP MFA).
        builder.Services.AddVigilConsole();

        settings.Configure?.Invoke(builder);
        var app = builder.Build();

        // Request pipeline: measure everything, secure every response, turn failures into problems, then route.
        app.UseMiddleware<HttpMetricsMiddleware>();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRouting();
        app.UseMiddleware<BodyLimitMiddleware>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();

        // Endpoints, one area per class.
        app.MapAlertsApi();
        app.MapIngestApi();
        app.MapCasesApi();
        app.MapEnrichmentsApi();
        app.MapContextApi();
        app.MapIntelApi();
        app.MapRecommendationsApi();
        app.MapCorrelationApi();
        app.MapLedgerApi();
        app.MapEvidenceApi();
        app.MapReportsApi();
        app.MapArtefactsApi();
        app.MapRetentionApi();
        app.MapLedgerStreamApi();
        app.MapDeadLettersApi();
        app.MapApiKeysApi();
        app.MapOpsApi();
        app.MapConnectorsApi();
        app.MapBlocklistFeed();
        app.MapReferenceApi();
        app.MapVigilConsole();
        return app;
    }
}
