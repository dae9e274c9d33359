namespace Vigil.Pipeline.Enrich.Ranges;

/// <summary>What kind of address space an IP belongs to, coarse enough to drive enrichment decisions.</summary>
public enum AddressCategory
{
    /// <summary>Ordinary globally routed unicast space: worth a geo and reputation lookup.</summary>
    Public,
    Private,
    Loopback,
    LinkLocal,
    SharedAddressSpace,
    Multicast,
    Documentation,
    Benchmarking,
    Unspecified,
    Broadcast,
    Reserved,
    ProtocolAssignment,
    Translation,
    UniqueLocal,
    Discard,
}
