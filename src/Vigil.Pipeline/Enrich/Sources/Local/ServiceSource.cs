using Vigil.Domain.Entities;
using Vigil.Pipeline.Enrich.Context;
using Vigil.Pipeline.Ports;

namespace Vigil.Pipeline.Enrich.Sources.Local;

/// <summary>The service catalogue: owner, criticality and dependencies of a business service.</summary>
public sealed class ServiceSource(IVigilStore store, TimeProvider time) : IEnrichmentSource
{
    public const string SourceName = "services";

    public string Name => SourceName;

    public bool Supports(EntityType type) => type == EntityType.Service;

    public async Task<EnrichmentResult> LookupAsync(Entity entity, CancellationToken cancellationToken)
    {
        var service = await store.FindServiceAsync(entity.Value, cancellationToken);
        var now = time.GetUtcNow();
        if (service is null)
        {
            return Results.NotFound(Name, entity, now, missing: [$"no service record for {entity.Value}"]);
        }

        var attributes = new Attributes()
            .Add("service", service.Name)
            .Add("owner", service.Owner)
            .Add("criticality", service.Criticality)
            .Add("dependencies", service.Dependencies);
        return Results.Found(Name, entity, now, attributes.Build(), missing: ContextGaps.Of(service));
    }
}
