using Vigil.Domain.Entities;

namespace Vigil.Pipeline.Enrich.Intel;

public sealed partial class IndicatorIndex
{
    /// <summary>
    /// Every indicator the entity hits. Indicators past their valid_until are left out unless
    /// <paramref name="includeStale"/>, then reported with <see cref="IndicatorMatch.IsStale"/>; indicators whose
    /// valid_from is still ahead never match.
    /// </summary>
    public IReadOnlyList<IndicatorMatch> Match(Entity entity, bool includeStale = false)
    {
        var query = new Query(entity, _time.GetUtcNow(), includeStale);
        switch (entity.Type)
        {
            case EntityType.Ip:
                MatchAddress(ref query, entity.Value, MatchRule.Exact);
                break;
            case EntityType.Domain or EntityType.Host:
                MatchDomain(ref query, entity.Value, MatchRule.Exact);
                break;
            case EntityType.Url:
                MatchUrl(ref query, entity.Value);
                break;
            case EntityType.FileHash:
                Collect(ref query, _hashes, entity.Value, MatchRule.Exact, "file hash", "equals indicator");
                break;
            case EntityType.Email:
                Collect(ref query, _emails, entity.Value, MatchRule.Exact, "email", "equals indicator");
                MatchDomain(ref query, entity.Value.AsSpan(entity.Value.LastIndexOf('@') + 1), MatchRule.EmailDomain);
                break;
        }

        return query.Results ?? (IReadOnlyList<IndicatorMatch>)[];
    }

    private void MatchUrl(ref Query query, string url)
    {
        Collect(ref query, _urls, url, MatchRule.Exact, "url", "equals indicator");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            return;
        }

        if (uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6)
        {
            MatchAddress(ref query, uri.Host, MatchRule.UrlHost);
        }
        else
        {
            MatchDomain(ref query, uri.IdnHost, MatchRule.UrlHost);
        }
    }

    private void MatchAddress(ref Query query, string text, MatchRule rule)
    {
        if (!IpAddresses.TryParseStrict(text, out var address))
        {
            return;
        }

        var (isV6, bits) = IpPrefix.ToBits(address);
        var table = isV6 ? _v6 : _v4;
        var width = isV6 ? 128 : 32;
        var cursor = 0;
        while (table.TryFindNext(bits, ref cursor, out var list, out var length))
        {
            var exact = length == width;
            var subject = rule == MatchRule.UrlHost ? "url host " + text : "ip " + text;
            foreach (var indicator in list)
            {
                Add(ref query, indicator, rule == MatchRule.UrlHost ? rule : exact ? MatchRule.Exact : MatchRule.InNetwork,
                    $"{subject} {(exact ? "equals" : "is inside")} indicator {indicator.Value}");
            }
        }
    }

    private void MatchDomain(ref Query query, ReadOnlySpan<char> domain, MatchRule rule)
    {
        domain = domain.TrimEnd('.');
        var subject = rule switch
        {
            MatchRule.UrlHost => "url host",
            MatchRule.EmailDomain => "email domain",
            _ => query.Entity.Type == EntityType.Host ? "host" : "domain",
        };

        // Walk the label boundaries: a.b.evil.example, b.evil.example, evil.example, example. Only whole labels
        // are compared, which is what keeps evil.example from matching notevil.example.
        var candidate = domain;
        while (!candidate.IsEmpty)
        {
            if (_domainSpans.TryGetValue(candidate, out var list))
            {
                var exact = candidate.Length == domain.Length;
                foreach (var indicator in list)
                {
                    var relation = exact ? "equals indicator" : "is a subdomain of indicator";
                    Add(ref query, indicator, exact || rule != MatchRule.Exact ? rule : MatchRule.Subdomain,
                        $"{subject} {domain} {relation} {indicator.Value}");
                }
            }

            var dot = candidate.IndexOf('.');
            candidate = dot < 0 ? [] : candidate[(dot + 1)..];
        }
    }

    private static void Collect(ref Query query, Dictionary<string, List<Indicator>> map, string key, MatchRule rule, string subject, string relation)
    {
        if (map.TryGetValue(key, out var list))
        {
            foreach (var indicator in list)
            {
                Add(ref query, indicator, rule, $"{subject} {key} {relation} {indicator.Value}");
            }
        }
    }

    private static void Add(ref Query query, Indicator indicator, MatchRule rule, string reason)
    {
        if (indicator.ValidFrom > query.Now)
        {
            return;
        }

        var stale = indicator.ValidUntil < query.Now;
        if (stale && !query.IncludeStale)
        {
            return;
        }

        var partial = indicator.IsCompoundPart ? $" (one of {indicator.CompoundSize} AND-ed parts of {indicator.OriginId})" : "";
        var staleNote = stale ? $", stale since {indicator.ValidUntil:u}" : "";
        (query.Results ??= []).Add(new IndicatorMatch
        {
            Entity = query.Entity,
            Indicator = indicator,
            Rule = rule,
            Reason = $"{reason} from {indicator.Source}{partial}{staleNote}",
            Confidence = indicator.Confidence,
            IsStale = stale,
        });
    }

    private struct Query(Entity entity, DateTimeOffset now, bool includeStale)
    {
        public readonly Entity Entity = entity;
        public readonly DateTimeOffset Now = now;
        public readonly bool IncludeStale = includeStale;
        public List<IndicatorMatch>? Results;
    }
}
