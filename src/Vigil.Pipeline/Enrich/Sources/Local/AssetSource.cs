using Vigil.Domain.Entities;
using Vigil.Pipeline.Enrich.Context;
using Vigil.Pipeline.Enrich.Ranges;
using Vigil.Pipeline.Ports;

namespace Vigil.Pipeline.Enrich.Sources.Local;

/// <summary>The organisation's asset inventory: hosts by name (or first label) and addresses the inventory lists.</summary>
public sealed class AssetSource(IVigilStore store, TimeProvider time) : IEnrichmentSource
{
    public const string SourceName = "assets";

    public string Name => SourceName;

    public bool Supports(EntityType type) => type is EntityType.Host or EntityType.Ip;

    public async Task<EnrichmentResult> LookupAsync(Entity entity, CancellationToken cancellationToken)
    {
        var asset = entity.Type == EntityType.Host
            ? await store.FindAssetAsync(entity.Value, cancellationToken)
            : await store.FindAssetByAddressAsync(entity.Value, cancellationToken);
        var now = time.GetUtcNow();
        if (asset is null)
        {
            // Public addresses are other people's machines: having no asset record for them is normal.
            var expected = entity.Type == EntityType.Host
                || (AddressClassifier.TryClassify(entity.Value, out var kind) && !kind.IsGloballyReachable);
            return Results.NotFound(Name, entity, now, missing: expected ? [$"no asset record for {entity.Type.ToWire()} {entity.Value}"] : null);
        }

        var attributes = new Attributes()
            .Add("host", asset.HostName)
            .Add("owner", asset.Owner)
            .Add("criticality", asset.Criticality)
            .Add("exposure", asset.Exposure)
            .Add("environment", asset.Environment)
            .Add("role", asset.Role)
            .Add("regulatory_scope", asset.RegulatoryScopes)
            .Add("tags", asset.Tags)
            .Add("ip_addresses", asset.IpAddresses);
        return Results.Found(Name, entity, now, attributes.Build(), missing: ContextGaps.Of(asset));
    }
}
