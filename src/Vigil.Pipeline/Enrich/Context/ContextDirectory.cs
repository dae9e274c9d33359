using Vigil.Domain.Entities;
using Vigil.Pipeline.Enrich.Intel;
using Vigil.Pipeline.Enrich.Ranges;

namespace Vigil.Pipeline.Enrich.Context;

/// <summary>
/// Looks up context by entity: hosts by name (full or first label) or by address, users by account name
/// (also without a DOMAIN\ prefix or @realm suffix) or email, services by name; all case-insensitive, because entity
/// values are normalised to lower case. When two records claim the same key the first one read wins.
/// </summary>
public sealed class ContextDirectory
{
    private readonly Dictionary<string, AssetContext> _hosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, AssetContext> _shortHosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, AssetContext> _addresses = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, IdentityContext> _users = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, IdentityContext> _emails = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, ServiceContext> _services = new(StringComparer.OrdinalIgnoreCase);

    public ContextDirectory(IEnumerable<AssetContext> assets, IEnumerable<IdentityContext> identities, IEnumerable<ServiceContext> services)
    {
        foreach (var asset in assets)
        {
            _hosts.TryAdd(asset.HostName, asset);
            _shortHosts.TryAdd(ContextKeys.ShortName(asset.HostName), asset);
            foreach (var address in asset.IpAddresses)
            {
                _addresses.TryAdd(address, asset);
            }
        }

        foreach (var identity in identities)
        {
            _users.TryAdd(identity.UserName, identity);
            _users.TryAdd(ContextKeys.BareAccount(identity.UserName), identity);
            if (identity.Email is not null)
            {
                _emails.TryAdd(identity.Email, identity);
            }
        }

        foreach (var service in services)
        {
            _services.TryAdd(service.Name, service);
        }
    }

    public ContextLookup Lookup(Entity entity)
    {
        var value = entity.Value;
        switch (entity.Type)
        {
            case EntityType.Host:
                var asset = _hosts.GetValueOrDefault(value) ?? _shortHosts.GetValueOrDefault(ContextKeys.ShortName(value));
                return WithAsset(entity, asset, $"no asset record for host {value}");
            case EntityType.Ip:
                var byAddress = _addresses.GetValueOrDefault(value);
                // Public addresses are other people's machines: having no asset record for them is normal.
                var internalAddress = AddressClassifier.TryClassify(value, out var kind) && !kind.IsGloballyReachable;
                return WithAsset(entity, byAddress, internalAddress ? $"no asset record for internal address {value}" : null);
            case EntityType.User:
                var identity = _users.GetValueOrDefault(value) ?? _users.GetValueOrDefault(ContextKeys.BareAccount(value)) ?? _emails.GetValueOrDefault(value);
                return WithIdentity(entity, identity, $"no identity record for user {value}");
            case EntityType.Email:
                return WithIdentity(entity, _emails.GetValueOrDefault(value), null);
            case EntityType.Service:
                return WithService(entity, _services.GetValueOrDefault(value));
            default:
                return new ContextLookup { Entity = entity };
        }
    }

    private static ContextLookup WithAsset(Entity entity, AssetContext? asset, string? absent) => asset is null
        ? new ContextLookup { Entity = entity, Missing = absent is null ? [] : [absent] }
        : new ContextLookup { Entity = entity, Asset = asset, Missing = ContextGaps.Of(asset) };

    private static ContextLookup WithIdentity(Entity entity, IdentityContext? identity, string? absent) => identity is null
        ? new ContextLookup { Entity = entity, Missing = absent is null ? [] : [absent] }
        : new ContextLookup { Entity = entity, Identity = identity, Missing = ContextGaps.Of(identity) };

    private static ContextLookup WithService(Entity entity, ServiceContext? service) => service is null
        ? new ContextLookup { Entity = entity, Missing = [$"no service record for {entity.Value}"] }
        : new ContextLookup { Entity = entity, Service = service, Missing = ContextGaps.Of(service) };
}
