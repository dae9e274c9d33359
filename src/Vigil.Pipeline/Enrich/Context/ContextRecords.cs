using Vigil.Domain.Entities;

namespace Vigil.Pipeline.Enrich.Context;

/// <summary>
/// The field names of each context file (snake_case; aliases in brackets):
/// assets: host [hostname, name], ip [ips, ip_addresses], owner, criticality, exposure, environment [env],
/// regulatory_scope [regulatory, compliance], tags, role;
/// identities: user [username, user_name], email, display_name [name], role, manager, department,
/// lifecycle [lifecycle_state], privileged, travel;
/// services: name [service], owner, dependencies [depends_on], criticality.
/// </summary>
internal static class ContextRecords
{
    public static AssetContext? Asset(ContextFieldReader r)
    {
        var host = r.Key(EntityType.Host, "host", "hostname", "name");
        var f = r.Fields;
        var record = new AssetContext
        {
            HostName = host ?? "",
            IpAddresses = r.Addresses("ip", "ips", "ip_addresses"),
            Owner = f.Text("owner"),
            Criticality = r.Choice<Criticality>("criticality"),
            Exposure = r.Choice("exposure", ("external", Context.Exposure.InternetFacing), ("public", Context.Exposure.InternetFacing)),
            Environment = r.Choice("environment", ("prod", DeploymentEnvironment.Production), ("stage", DeploymentEnvironment.Staging),
                ("dev", DeploymentEnvironment.Development), ("test", DeploymentEnvironment.Development)),
            RegulatoryScopes = [.. f.List("regulatory_scope", "regulatory", "compliance").Select(s => s.ToLowerInvariant())],
            Tags = f.List("tags"),
            Role = f.Text("role"),
        };
        return host is null ? null : record;
    }

    public static IdentityContext? Identity(ContextFieldReader r)
    {
        var user = r.Key(EntityType.User, "user", "username", "user_name");
        var f = r.Fields;
        var record = new IdentityContext
        {
            UserName = user ?? "",
            Email = r.Normalized(EntityType.Email, "email"),
            DisplayName = f.Text("display_name", "name"),
            Role = f.Text("role"),
            Manager = f.Text("manager"),
            Department = f.Text("department"),
            Lifecycle = r.Choice<LifecycleState>("lifecycle", ("lifecycle_state", LifecycleState.Active)),
            Privileged = r.Flag("privileged"),
            TravelPeriods = r.Travel("travel"),
        };
        return user is null ? null : record;
    }

    public static ServiceContext? Service(ContextFieldReader r)
    {
        var name = r.Key(EntityType.Service, "name", "service");
        var record = new ServiceContext
        {
            Name = name ?? "",
            Owner = r.Fields.Text("owner"),
            Dependencies = r.Fields.List("dependencies", "depends_on"),
            Criticality = r.Choice<Criticality>("criticality"),
        };
        return name is null ? null : record;
    }
}
