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

    private static ContextLookup WithAsset(Entity entity, AssetContext? asset, string? absent)
    {
        if (asset is null)
        {
            return new ContextLookup { Entity = entity, Missing = absent is null ? [] : [absent] };
        }

        var missing = new List<string>();
        var name = $"asset {asset.HostName}";
        Gap(missing, asset.Owner is null, name, "no owner");
        Gap(missing, asset.Criticality is null, name, "no business criticality");
        Gap(missing, asset.Exposure is null, name, "no exposure (internal or internet-facing)");
        Gap(missing, asset.Environment is null, name, "no environment");
        return new ContextLookup { Entity = entity, Asset = asset, Missing = missing };
    }

    private static ContextLookup WithIdentity(Entity entity, IdentityContext? identity, string? absent)
    {
        if (identity is null)
        {
            return new ContextLookup { Entity = entity, Missing = absent is null ? [] : [absent] };
        }

        var missing = new List<string>();
        var name = $"identity {identity.UserName}";
        Gap(missing, identity.Manager is null, name, "no manager");
        Gap(missing, identity.Department is null, name, "no department");
        Gap(missing, identity.Lifecycle is null, name, "no lifecycle state");
        Gap(missing, identity.Privileged is null, name, "unknown privilege");
        return new ContextLookup { Entity = entity, Identity = identity, Missing = missing };
    }

    private static ContextLookup WithService(Entity entity, ServiceContext? service)
    {
        if (service is null)
        {
            return new ContextLookup { Entity = entity, Missing = [$"no service record for {entity.Value}"] };
        }

        var missing = new List<string>();
        Gap(missing, service.Owner is null, $"service {service.Name}", "no owner");
        Gap(missing, service.Criticality is null, $"service {service.Name}", "no business criticality");
        return new ContextLookup { Entity = entity, Service = service, Missing = missing };
    }

    private static void Gap(List<string> missing, bool absent, string subject, string what)
    {
        if (absent)
        {
            missing.Add($"{subject} has {what}");
        }
    }
}
