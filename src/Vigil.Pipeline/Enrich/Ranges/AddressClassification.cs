using System.Net;

namespace Vigil.Pipeline.Enrich.Ranges;

/// <summary>The verdict for one address: its most specific special-purpose block, or none for public space.</summary>
public sealed record AddressClassification(IPAddress Address, AddressCategory Category, AddressRange? Range)
{
    /// <summary>Geo-location and reputation make sense only for globally reachable addresses.</summary>
    public bool IsGloballyReachable => Range?.GloballyReachable ?? true;

    public string Label => Range is null ? "public" : $"{Range.Name} ({Range.Rfc})";
}
