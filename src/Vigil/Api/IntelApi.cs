using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Vigil.Api.Contracts;
using Vigil.Domain.Access;
using Vigil.Domain.Entities;
using Vigil.Hosting.Auth;
using Vigil.Pipeline.Enrich;
using Vigil.Pipeline.Enrich.Intel;
using Vigil.Pipeline.Enrich.Sources;
using Vigil.Pipeline.Ports;

namespace Vigil.Api;

/// <summary><c>/api/v1/intel</c>: list, read, import (STIX 2.1 bundle, MISP JSON or CSV) and delete indicators; match an entity.</summary>
internal static class IntelApi
{
    public static RouteGroupBuilder MapIntelApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/intel").WithTags("Intel").RequireAuthorization();

        group.MapGet("", ListAsync)
            .RequireAuthorization(Permissions.IntelRead)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithName("ListIndicators")
            .WithSummary("List indicators in id order, optionally of one type or value")
            .WithDescription("type: ip, cidr, domain, url, md5, sha1, sha256, email. Keyset paging: pass the last id as after.");

        group.MapGet("/match", MatchAsync)
            .RequireAuthorization(Permissions.IntelRead)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithName("MatchIndicators")
            .WithSummary("Which indicators an entity hits (address in network, domain and its parents, URL and its host, hash, email and its domain)");

        group.MapGet("/{id}", GetAsync)
            .RequirePermissionOrNotFound(Permissions.IntelRead, "indicator")
            .WithName("GetIndicator")
            .WithSummary("Read one indicator");

        group.MapPost("", ImportAsync)
            .RequireAuthorization(Permissions.IntelWrite)
            .Accepts<string>("application/json", "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithName("ImportIndicators")
            .WithSummary("Import indicators: a STIX 2.1 bundle, MISP event JSON, or a CSV list")
            .WithDescription("source names the feed (default \"api\"); format is auto (default), stix, misp or csv. Re-importing updates in place; every skipped object is reported with its reason.");

        group.MapDelete("/{id}", DeleteAsync)
            .RequireAuthorization(Permissions.IntelWrite)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("DeleteIndicator")
            .WithSummary("Delete one indicator");
        return group;
    }

    private static async Task<Results<Ok<IReadOnlyList<StoredIndicator>>, ValidationProblem>> ListAsync(
        string? type, string? value, string? after, int? limit, IVigilStore store, CancellationToken cancellationToken)
    {
        IndicatorType? wanted = null;
        if (type is not null && (!IndicatorTypeNames.TryParse(type, out wanted, out _) || wanted is null))
        {
            return ApiProblems.Invalid("type", $"'{type}' is not an indicator type");
        }

        if (!Paging.TryLimit(limit, out var max))
        {
            return ApiProblems.Invalid("limit", $"must be between 1 and {Paging.MaxLimit}");
        }

        var canonical = value is not null && wanted is { } t ? IndicatorValues.Normalize(t, value) ?? value : value;
        return TypedResults.Ok(await store.ListIndicatorsAsync(after, max, wanted, canonical, cancellationToken));
    }

    private static async Task<Results<Ok<StoredIndicator>, ProblemHttpResult>> GetAsync(string id, IVigilStore store, CancellationToken cancellationToken) =>
        await store.GetIndicatorAsync(id, cancellationToken) is { } found ? TypedResults.Ok(found) : ApiProblems.NotFound("indicator", id);

    private static async Task<Results<Ok<IReadOnlyList<IndicatorMatchView>>, ValidationProblem>> MatchAsync(
        string type, string value, IntelIndexCache cache, CancellationToken cancellationToken)
    {
        if (!EntityTypeNames.TryParse(type, out var parsed) || !Entity.TryCreate(parsed, value, out var entity))
        {
            return ApiProblems.Invalid("value", $"'{value}' is not a valid {type} entity");
        }

        var index = await cache.GetAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<IndicatorMatchView>>([.. index.Match(entity, includeStale: true).Select(m => new IndicatorMatchView(
            StoredIndicator.IdOf(m.Indicator), m.Indicator.Type.ToWire(), m.Indicator.Value, m.Indicator.Source, m.Confidence,
            Attributes.SnakeCase(m.Rule.ToString()), m.Reason, m.IsStale, m.IsPartial))]);
    }

    private static async Task<Results<Ok<ImportReportView>, ValidationProblem>> ImportAsync(
        HttpRequest request, string? source, string? format, ContextWriter writer, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var chosen = IntelFormat.Auto;
        if (format is not null && (!Enum.TryParse(format, ignoreCase: true, out chosen) || !Enum.IsDefined(chosen) || char.IsAsciiDigit(format[0])))
        {
            return ApiProblems.Invalid("format", "must be auto, stix, misp or csv");
        }

        var read = IntelImport.Read(await ContextApi.ReadBodyAsync(request, cancellationToken), string.IsNullOrWhiteSpace(source) ? "api" : source.Trim(), chosen);
        var problems = read.Report.Skipped.Select(s => $"{s.Location}: {s.Reason}").ToArray();
        if (read.Indicators.Count == 0 && problems.Length > 0)
        {
            return ApiProblems.Invalid("$", string.Join("; ", problems.Take(20)), "No indicators could be read");
        }

        var stored = await writer.StoreIndicatorsAsync(read.Indicators, user.ToActor(), null, cancellationToken);
        return TypedResults.Ok(new ImportReportView(stored.Kind, read.Report.Read, stored.Stored, stored.Created, stored.Updated, problems));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string id, ContextWriter writer, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await writer.DeleteIndicatorAsync(id, user.ToActor(), cancellationToken) ? TypedResults.NoContent() : ApiProblems.NotFound("indicator", id);
}
