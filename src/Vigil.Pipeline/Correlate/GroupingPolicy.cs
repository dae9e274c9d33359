using System.Collections.Frozen;
using Vigil.Domain.Alerts;
using Vigil.Domain.Entities;

namespace Vigil.Pipeline.Correlate;

/// <summary>
/// How alerts group into cases: an ordered list of rules (the first whose selector matches an alert decides) and the
/// entity values too common to link anything (SYSTEM, 127.0.0.1). Loaded by <see cref="GroupingPolicyLoader"/>.
/// </summary>
public sealed class GroupingPolicy
{
    /// <summary>Without a rule saying otherwise: 30 minutes of event time, as most SIEM grouping defaults to an hour or less.</summary>
    public static readonly TimeSpan DefaultLookback = TimeSpan.FromMinutes(30);

    /// <summary>Cap per case. An analyst cannot read more than a few hundred alerts; a storm goes on in overflow cases.</summary>
    public const int DefaultMaxAlerts = 500;

    private readonly FrozenSet<string> _ignored;

    public GroupingPolicy(string origin, IReadOnlyList<GroupingRule> rules, IEnumerable<Entity> ignored)
    {
        Origin = origin;
        Rules = rules;
        _ignored = ignored.Select(e => e.Key).ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// Rule and process entities are not grouped on unless a rule lists them: a rule id is shared by every alert of
    /// that rule on every host, and a command line such as <c>svchost.exe -k netsvcs</c> by every Windows machine.
    /// </summary>
    public static IReadOnlySet<EntityType> DefaultEntityTypes { get; } =
        Enum.GetValues<EntityType>().Where(t => t is not EntityType.Rule and not EntityType.Process).ToFrozenSet();

    /// <summary>Where the policy came from (the shipped default or a file path), for logs and reasons.</summary>
    public string Origin { get; }

    public IReadOnlyList<GroupingRule> Rules { get; }

    /// <summary>The policy's ignored entity keys (<c>type:value</c>, normalised).</summary>
    public IReadOnlySet<string> Ignored => _ignored;

    /// <summary>The first rule whose selector matches, or null when none does (the alert then opens its own case).</summary>
    public GroupingRule? RuleFor(Alert alert)
    {
        foreach (var rule in Rules)
        {
            if (rule.When.Matches(alert))
            {
                return rule;
            }
        }

        return null;
    }

    /// <summary>The alert's entities that count under <paramref name="rule"/>: of its types and not ignored.</summary>
    public List<Entity> Considered(Alert alert, GroupingRule rule)
    {
        var considered = new List<Entity>(alert.Entities.Count);
        foreach (var entity in alert.Entities)
        {
            if (rule.EntityTypes.Contains(entity.Type) && !_ignored.Contains(entity.Key) && !considered.Contains(entity))
            {
                considered.Add(entity);
            }
        }

        return considered;
    }
}
