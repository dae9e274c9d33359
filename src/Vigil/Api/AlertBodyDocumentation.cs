using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Vigil.Api.Contracts;

namespace Vigil.Api;

internal static class AlertBodyDocumentation
{
    /// <summary>The three accepted shapes of <c>POST /api/v1/alerts</c>: one alert, an array, or the envelope.</summary>
    public static async Task DescribeAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var single = await context.GetOrCreateSchemaAsync(typeof(AlertInput), null, cancellationToken);
        var envelope = await context.GetOrCreateSchemaAsync(typeof(AlertBatchInput), null, cancellationToken);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "One alert, a JSON array of alerts, or {\"alerts\": [...]} (at most Vigil:Ingest:MaxBatch alerts).",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new()
                {
                    Schema = new OpenApiSchema
                    {
                        OneOf = [single, new OpenApiSchema { Type = JsonSchemaType.Array, Items = single }, envelope],
                    },
                },
            },
        };
    }
}
