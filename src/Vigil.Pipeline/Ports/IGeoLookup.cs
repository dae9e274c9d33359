using System.Net;

namespace Vigil.Pipeline.Ports;

/// <summary>
/// Geo-location of addresses. Synchronous because implementations read a memory-mapped database; callers skip
/// addresses that are not globally reachable (see Enrich.Ranges.AddressClassifier) before asking.
/// </summary>
public interface IGeoLookup
{
    /// <summary>Why no lookup can be made (no database configured, file unreadable), or null when lookups work.</summary>
    string? Unavailable { get; }

    /// <summary>The location, or null when the database has no entry for the address.</summary>
    GeoLocation? Lookup(IPAddress address);
}
