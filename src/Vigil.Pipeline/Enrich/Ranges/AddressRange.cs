using Vigil.Pipeline.Enrich.Intel;

namespace Vigil.Pipeline.Enrich.Ranges;

/// <summary>
/// One special-purpose block: its name and defining RFC as the IANA registries give them, and whether addresses in
/// it are globally reachable (the registries' "Globally Reachable" column).
/// </summary>
public sealed record AddressRange(IpPrefix Prefix, string Name, string Rfc, AddressCategory Category, bool GloballyReachable);
