using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Vigil.Api.Contracts;
using Vigil.Domain;
using Vigil.Domain.Cases;
using Vigil.Pipeline.Ports;

namespace Vigil.Api;

internal static partial class CasesApi
{
    private static async Task<Results<Ok<CaseList>, ValidationProblem>> ListAsync(
        HttpContext context,
        IVigilStore store,
        [FromQuery(Name = "state")] string[]? state,
        [FromQuery(Name = "open")] bool? open,
        [FromQuery(Name = "min_severity")] string? minSeverity,
        [FromQuery(Name = "owner")] string? owner,
        [FromQuery(Name = "q")] string? text,
        [FromQuery(Name = "opened_after")] DateTimeOffset? openedAfter,
        [FromQuery(Name = "opened_before")] DateTimeOffset? openedBefore,
        [FromQuery(Name = "sort")] string? sort,
        [FromQuery(Name = "limit")] int? limit,
        [FromQuery(Name = "cursor")] string? cursor,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var states = ParseStates(state, errors);
        Severity? severity = null;
        if (minSeverity is not null)
        {
            if (SeverityNames.TryParse(minSeverity, out var parsed))
            {
                severity = parsed;
            }
            else
            {
                errors["query.min_severity"] = [$"'{minSeverity}' is not a severity (informational, low, medium, high, critical or 0-5)"];
            }
        }

        var order = ParseSort(sort, errors);
        if (!Paging.TryLimit(limit, out var size))
        {
            errors["query.limit"] = [$"must be between 1 and {Paging.MaxLimit}"];
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors, "Invalid case query");
        }

        var page = await store.ListCasesAsync(new CaseQuery
        {
            States = states,
            Open = open,
            MinSeverity = severity,
            Owner = string.IsNullOrWhiteSpace(owner) ? null : owner.Trim(),
            Text = string.IsNullOrWhiteSpace(text) ? null : text.Trim(),
            OpenedAfter = openedAfter,
            OpenedBefore = openedBefore,
            Sort = order,
            Limit = size,
            After = string.IsNullOrEmpty(cursor) ? null : cursor,
        }, cancellationToken);
        Paging.AddNextLink(context, page.Next);
        return TypedResults.Ok(new CaseList(page.Items, page.Next));
    }

    private static List<CaseState>? ParseStates(string[]? values, Dictionary<string, string[]> errors)
    {
        if (values is null || values.Length == 0)
        {
            return null;
        }

        var states = new List<CaseState>();
        foreach (var part in values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (CaseNames.TryParseState(part, out var parsed))
            {
                states.Add(parsed);
            }
            else
            {
                var known = string.Join(", ", Enum.GetValues<CaseState>().Select(s => s.ToWire()));
                errors["query.state"] = [$"'{part}' is not a case state; known states are {known}"];
            }
        }

        return states.Count == 0 ? null : states;
    }

    private static CaseSort ParseSort(string? sort, Dictionary<string, string[]> errors)
    {
        if (CaseSortNames.TryParse(sort, out var parsed))
        {
            return parsed;
        }

        errors["query.sort"] = [$"'{sort}' is not a sort order; use one of {string.Join(", ", CaseSortNames.All)}"];
        return CaseSort.OpenedDesc;
    }
}
