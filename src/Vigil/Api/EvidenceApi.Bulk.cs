using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Vigil.Domain.Access;
using Vigil.Pipeline.Evidence;

namespace Vigil.Api;

internal static partial class EvidenceApi
{
    private static void MapBulk(RouteGroupBuilder group)
    {
        group.MapGet("/export/ledger", (string? format, string? from, string? to, HttpContext http, BulkExporter exporter, CancellationToken ct) =>
                BulkAsync(format, from, to, http, "ledger", (writer, csv, start, end) => exporter.WriteLedgerAsync(writer, csv, start, end, ct)))
            .RequireAuthorization(Permissions.LedgerRead)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithName("ExportLedger")
            .WithSummary("Bulk export of ledger entries")
            .WithDescription("format=json (JSON lines, default) or csv; from (inclusive) and to (exclusive) bound the entry time. "
                + "Each entry carries entry_id (chain:seq), its payload as hashed and both hashes, so receivers deduplicate and re-verify.");

        group.MapGet("/export/cases", (string? format, string? from, string? to, HttpContext http, BulkExporter exporter, CancellationToken ct) =>
                BulkAsync(format, from, to, http, "cases", (writer, csv, start, end) => exporter.WriteCasesAsync(writer, csv, start, end, ct)))
            .RequireAuthorization(Permissions.CaseRead)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithName("ExportCases")
            .WithSummary("Bulk export of cases")
            .WithDescription("format=json (JSON lines, default) or csv; from/to bound the opening time.");
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> BulkAsync(
        string? format, string? from, string? to, HttpContext http, string name, Func<TextWriter, bool, DateTimeOffset?, DateTimeOffset?, Task<long>> write)
    {
        var csv = format == "csv";
        if (format is not (null or "" or "csv" or "json"))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown format", detail: "format: expected csv or json", type: "urn:vigil:problem:invalid");
        }

        if (!PeriodText.TryParse(from, out var start) || !PeriodText.TryParse(to, out var end))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid period", detail: "from/to: expected a date or an ISO 8601 time", type: "urn:vigil:problem:invalid");
        }

        http.Response.ContentType = csv ? "text/csv; charset=utf-8" : "application/x-ndjson";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"vigil-{name}.{(csv ? "csv" : "jsonl")}\"";
        await using var writer = new StreamWriter(http.Response.Body, new System.Text.UTF8Encoding(false), 64 * 1024, leaveOpen: true) { NewLine = "\n" };
        await write(writer, csv, start, end);
        await writer.FlushAsync(http.RequestAborted);
        return TypedResults.Empty;
    }
}
