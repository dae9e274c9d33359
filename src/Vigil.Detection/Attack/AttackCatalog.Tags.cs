using System.Text.RegularExpressions;

namespace Vigil.Detection.Attack;

public sealed partial class AttackCatalog
{
    private const string Namespace = "attack.";

    /// <summary>
    /// Resolves one Sigma tag. Returns null for tags outside the <c>attack</c> namespace (<c>cve.*</c>,
    /// <c>detection.*</c> ...). Never throws on content: unknown ids come back with <see cref="AttackTag.IsKnown"/>
    /// false and, where SigmaHQ's v18→v19 rename left a trace, the v18 tags it replaced.
    /// </summary>
    public AttackTag? ResolveTag(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        var trimmed = tag.Trim();
        if (!trimmed.StartsWith(Namespace, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var suffix = trimmed[Namespace.Length..];
        var match = IdShape().Match(suffix);
        var resolved = match.Success ? ResolveId(trimmed, match) : ResolveTacticName(trimmed, suffix);
        return resolved.IsKnown
            ? resolved
            : resolved with { V18Hints = _v18HintsByV19Tag.GetValueOrDefault(trimmed) ?? [] };
    }

    /// <summary>Resolves every <c>attack.*</c> tag of a rule, in the rule's order; other namespaces are skipped.</summary>
    public IReadOnlyList<AttackTag> ResolveTags(IEnumerable<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var resolved = new List<AttackTag>();
        foreach (var tag in tags)
        {
            if (ResolveTag(tag) is { } attackTag)
            {
                resolved.Add(attackTag);
            }
        }

        return resolved;
    }

    private AttackTag ResolveId(string tag, Match match)
    {
        var prefix = match.Groups["prefix"].Value.ToUpperInvariant();
        var id = prefix + match.Groups["number"].Value;
        switch (prefix)
        {
            case "T":
                var technique = FindTechnique(id);
                return new AttackTag { Tag = tag, Kind = AttackTagKind.Technique, Id = id, Technique = technique, IsKnown = technique is not null };
            case "TA":
                var tactic = FindTactic(id);
                return new AttackTag { Tag = tag, Kind = AttackTagKind.Tactic, Id = id, Tactic = tactic, IsKnown = tactic is not null };
            default:
                // Sub-ids (".001") exist only for techniques; G0007.001 is not an ATT&CK id.
                var kind = match.Groups["sub"].Success ? AttackTagKind.Unrecognised : KindOf(prefix);
                return new AttackTag { Tag = tag, Kind = kind, Id = id, IsKnown = kind != AttackTagKind.Unrecognised };
        }
    }

    private AttackTag ResolveTacticName(string tag, string suffix)
    {
        if (!TacticShape().IsMatch(suffix))
        {
            return new AttackTag { Tag = tag, Kind = AttackTagKind.Unrecognised, Id = suffix, IsKnown = false };
        }

        var tactic = FindTactic(suffix);
        return new AttackTag
        {
            Tag = tag,
            Kind = AttackTagKind.Tactic,
            Id = tactic?.Id ?? suffix.ToLowerInvariant().Replace('_', '-'),
            Tactic = tactic,
            IsKnown = tactic is not null,
        };
    }

    private static AttackTagKind KindOf(string prefix) => prefix switch
    {
        "G" => AttackTagKind.Group,
        "S" => AttackTagKind.Software,
        "DS" => AttackTagKind.DataSource,
        "M" => AttackTagKind.Mitigation,
        "A" => AttackTagKind.Asset,
        _ => AttackTagKind.Unrecognised,
    };

    [GeneratedRegex(@"^(?<prefix>t|ta|g|s|ds|m|a)(?<number>\d{4}(?<sub>\.\d{3})?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IdShape();

    [GeneratedRegex(@"^[a-z]+(?:[-_][a-z]+)*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TacticShape();
}
