namespace Vigil.Pipeline.Enrich.Intel.Stix;

/// <summary>
/// Which STIX object paths become which indicator types. Only equality-like comparisons on the identifying property
/// of an observable are indicators; anything else (LIKE, MATCHES, NOT, process:name, ...) is reported.
/// </summary>
internal static class StixObservables
{
    /// <summary>Maps a comparison to an indicator type and canonical value, or explains why it cannot.</summary>
    public static bool TryMap(StixComparison comparison, out IndicatorType type, out string value, out string problem)
    {
        type = default;
        value = "";
        problem = "";
        var where = $"{comparison.ObjectType}:{comparison.Path}";
        if (comparison.Negated)
        {
            problem = $"NOT {comparison.Operator} on {where} matches everything else; it is not an indicator";
            return false;
        }

        if (comparison.Operator is not ("=" or "IN" or "ISSUBSET"))
        {
            problem = $"operator {comparison.Operator} on {where} is not supported";
            return false;
        }

        if (comparison.Value is null)
        {
            problem = $"{where} is compared with a non-string constant";
            return false;
        }

        IndicatorType? mapped = (comparison.ObjectType, comparison.Path) switch
        {
            ("ipv4-addr" or "ipv6-addr", "value") => AddressType(comparison),
            ("network-traffic", "src_ref.value" or "dst_ref.value") => AddressType(comparison),
            ("domain-name", "value") => IndicatorType.Domain,
            ("url", "value") => IndicatorType.Url,
            ("email-addr", "value") => IndicatorType.Email,
            ("email-message", "from_ref.value" or "sender_ref.value" or "to_refs[*].value" or "cc_refs[*].value") => IndicatorType.Email,
            ("file", var path) when path.StartsWith("hashes.", StringComparison.Ordinal) => HashType(path["hashes.".Length..]),
            _ => null,
        };
        if (mapped is not { } found)
        {
            problem = $"{where} is not an observable Vigil matches";
            return false;
        }

        if (comparison.Operator == "ISSUBSET" && found is not (IndicatorType.Ip or IndicatorType.Cidr))
        {
            problem = $"ISSUBSET applies to addresses, not {where}";
            return false;
        }

        if (IndicatorValues.Normalize(found, comparison.Value) is not { } normalized)
        {
            problem = $"'{comparison.Value}' is not a valid {found.ToWire()} for {where}";
            return false;
        }

        type = found;
        value = normalized;
        return true;
    }

    /// <summary>The hash algorithm from its vocabulary name (STIX 2.1 section 10.10: "MD5", "SHA-1", "SHA-256").</summary>
    public static IndicatorType? HashType(string name) => name.ToUpperInvariant() switch
    {
        "MD5" => IndicatorType.Md5,
        "SHA-1" or "SHA1" => IndicatorType.Sha1,
        "SHA-256" or "SHA256" => IndicatorType.Sha256,
        _ => null,
    };

    private static IndicatorType AddressType(StixComparison comparison) =>
        comparison.Operator == "ISSUBSET" || IndicatorValues.Normalize(IndicatorType.Ip, comparison.Value) is null
            ? IndicatorType.Cidr
            : IndicatorType.Ip;
}
