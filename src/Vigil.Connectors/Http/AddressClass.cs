namespace Vigil.Connectors.Http;

/// <summary>What kind of network an address belongs to, as far as the SSRF guard cares.</summary>
public enum AddressClass
{
    Public,
    Loopback,
    Private,
    /// <summary>169.254.0.0/16 and fe80::/10, where cloud metadata services also answer.</summary>
    LinkLocal,
    /// <summary>Instance metadata services (169.254.169.254, fd00:ec2::254, 100.100.100.200): never reachable.</summary>
    Metadata,
    /// <summary>0.0.0.0, ::, multicast, broadcast and reserved ranges: nothing a vendor API lives on.</summary>
    Unroutable,
}
