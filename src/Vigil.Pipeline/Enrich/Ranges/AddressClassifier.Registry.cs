namespace Vigil.Pipeline.Enrich.Ranges;

public static partial class AddressClassifier
{
    // IANA IPv4 Special-Purpose Address Registry (RFC 6890), plus multicast (RFC 5771) and MCAST-TEST-NET (RFC 6676).
    private static IEnumerable<AddressRange> V4() =>
    [
        Range("0.0.0.0/8", "This network", "RFC 791", AddressCategory.Unspecified),
        Range("0.0.0.0/32", "This host on this network", "RFC 1122", AddressCategory.Unspecified),
        Range("10.0.0.0/8", "Private-Use", "RFC 1918", AddressCategory.Private),
        Range("100.64.0.0/10", "Shared Address Space (CGNAT)", "RFC 6598", AddressCategory.SharedAddressSpace),
        Range("127.0.0.0/8", "Loopback", "RFC 1122", AddressCategory.Loopback),
        Range("169.254.0.0/16", "Link Local", "RFC 3927", AddressCategory.LinkLocal),
        Range("172.16.0.0/12", "Private-Use", "RFC 1918", AddressCategory.Private),
        Range("192.0.0.0/24", "IETF Protocol Assignments", "RFC 6890", AddressCategory.ProtocolAssignment),
        Range("192.0.0.0/29", "IPv4 Service Continuity Prefix", "RFC 7335", AddressCategory.ProtocolAssignment),
        Range("192.0.0.8/32", "IPv4 dummy address", "RFC 7600", AddressCategory.ProtocolAssignment),
        Range("192.0.0.9/32", "Port Control Protocol Anycast", "RFC 7723", AddressCategory.ProtocolAssignment, global: true),
        Range("192.0.0.10/32", "Traversal Using Relays around NAT Anycast", "RFC 8155", AddressCategory.ProtocolAssignment, global: true),
        Range("192.0.0.170/31", "NAT64/DNS64 Discovery", "RFC 8880", AddressCategory.ProtocolAssignment),
        Range("192.0.2.0/24", "Documentation (TEST-NET-1)", "RFC 5737", AddressCategory.Documentation),
        Range("192.31.196.0/24", "AS112-v4", "RFC 7535", AddressCategory.ProtocolAssignment, global: true),
        Range("192.52.193.0/24", "AMT", "RFC 7450", AddressCategory.ProtocolAssignment, global: true),
        Range("192.88.99.0/24", "Deprecated (6to4 Relay Anycast)", "RFC 7526", AddressCategory.Reserved),
        Range("192.168.0.0/16", "Private-Use", "RFC 1918", AddressCategory.Private),
        Range("192.175.48.0/24", "Direct Delegation AS112 Service", "RFC 7534", AddressCategory.ProtocolAssignment, global: true),
        Range("198.18.0.0/15", "Benchmarking", "RFC 2544", AddressCategory.Benchmarking),
        Range("198.51.100.0/24", "Documentation (TEST-NET-2)", "RFC 5737", AddressCategory.Documentation),
        Range("203.0.113.0/24", "Documentation (TEST-NET-3)", "RFC 5737", AddressCategory.Documentation),
        Range("224.0.0.0/4", "Multicast", "RFC 5771", AddressCategory.Multicast),
        Range("233.252.0.0/24", "Multicast documentation (MCAST-TEST-NET)", "RFC 6676", AddressCategory.Documentation),
        Range("240.0.0.0/4", "Reserved", "RFC 1112", AddressCategory.Reserved),
        Range("255.255.255.255/32", "Limited Broadcast", "RFC 919", AddressCategory.Broadcast),
    ];

    // IANA IPv6 Special-Purpose Address Registry (RFC 6890), plus multicast (RFC 4291).
    private static IEnumerable<AddressRange> V6() =>
    [
        Range("::1/128", "Loopback Address", "RFC 4291", AddressCategory.Loopback),
        Range("::/128", "Unspecified Address", "RFC 4291", AddressCategory.Unspecified),
        Range("64:ff9b::/96", "IPv4-IPv6 Translation", "RFC 6052", AddressCategory.Translation, global: true),
        Range("64:ff9b:1::/48", "IPv4-IPv6 Translation (local use)", "RFC 8215", AddressCategory.Translation),
        Range("100::/64", "Discard-Only Address Block", "RFC 6666", AddressCategory.Discard),
        Range("2001::/23", "IETF Protocol Assignments", "RFC 2928", AddressCategory.ProtocolAssignment),
        Range("2001::/32", "TEREDO", "RFC 4380", AddressCategory.Translation),
        Range("2001:1::1/128", "Port Control Protocol Anycast", "RFC 7723", AddressCategory.ProtocolAssignment, global: true),
        Range("2001:1::2/128", "Traversal Using Relays around NAT Anycast", "RFC 8155", AddressCategory.ProtocolAssignment, global: true),
        Range("2001:2::/48", "Benchmarking", "RFC 5180", AddressCategory.Benchmarking),
        Range("2001:3::/32", "AMT", "RFC 7450", AddressCategory.ProtocolAssignment, global: true),
        Range("2001:4:112::/48", "AS112-v6", "RFC 7535", AddressCategory.ProtocolAssignment, global: true),
        Range("2001:10::/28", "Deprecated (previously ORCHID)", "RFC 4843", AddressCategory.Reserved),
        Range("2001:20::/28", "ORCHIDv2", "RFC 7343", AddressCategory.ProtocolAssignment, global: true),
        Range("2001:30::/28", "Drone Remote ID Protocol Entity Tags (DETs) Prefix", "RFC 9374", AddressCategory.ProtocolAssignment, global: true),
        Range("2001:db8::/32", "Documentation", "RFC 3849", AddressCategory.Documentation),
        Range("2002::/16", "6to4", "RFC 3056", AddressCategory.Translation, global: true),
        Range("2620:4f:8000::/48", "Direct Delegation AS112 Service", "RFC 7534", AddressCategory.ProtocolAssignment, global: true),
        Range("3fff::/20", "Documentation", "RFC 9637", AddressCategory.Documentation),
        Range("5f00::/16", "Segment Routing (SRv6) SIDs", "RFC 9602", AddressCategory.Reserved),
        Range("fc00::/7", "Unique-Local", "RFC 4193", AddressCategory.UniqueLocal),
        Range("fe80::/10", "Link-Local Unicast", "RFC 4291", AddressCategory.LinkLocal),
        Range("ff00::/8", "Multicast", "RFC 4291", AddressCategory.Multicast),
    ];
}
