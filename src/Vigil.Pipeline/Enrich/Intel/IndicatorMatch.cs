using Vigil.Domain.Entities;

namespace Vigil.Pipeline.Enrich.Intel;

/// <summary>An entity that hit an indicator, with the rule and a sentence an analyst can read.</summary>
public sealed record IndicatorMatch
{
    public required Entity Entity { get; init; }

    public required Indicator Indicator { get; init; }

    public required MatchRule Rule { get; init; }

    /// <summary>E.g. "domain a.b.evil.example is a subdomain of indicator evil.example from ACME CERT".</summary>
    public required string Reason { get; init; }

    public required int Confidence { get; init; }

    /// <summary>The indicator's valid_until has passed; reported only when stale matches are asked for.</summary>
    public bool IsStale { get; init; }

    /// <summary>The indicator is one part of an AND-ed pattern; the other parts have not been checked.</summary>
    public bool IsPartial => Indicator.IsCompoundPart;
}
