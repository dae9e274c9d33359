using Vigil.Detection.Loading;

namespace Vigil.Detection.Correlation;

/// <summary>
/// Correlation rules with their <c>rules</c> references resolved: to loaded Sigma rules (by id or name) and to other
/// correlations (chains). Rules whose references cannot be resolved, or that form a cycle, are left out and reported.
/// </summary>
public sealed class CorrelationSet
{
    private readonly Dictionary<string, List<(int Correlation, int RuleIndex)>> _subscribers;
    private readonly Dictionary<string, bool> _generateByReference;

    private CorrelationSet(
        CompiledCorrelation[] compiled,
        Dictionary<string, List<(int, int)>> subscribers,
        Dictionary<string, bool> generateByReference,
        IReadOnlyList<SigmaLoadError> errors)
    {
        Compiled = compiled;
        _subscribers = subscribers;
        _generateByReference = generateByReference;
        Errors = errors;
        Rules = [.. compiled.Select(c => c.Rule)];
    }

    private CorrelationSet(CorrelationSet set, IReadOnlyList<SigmaLoadError> errors)
        : this(set.Compiled, set._subscribers, set._generateByReference, errors)
    {
    }

    /// <summary>The usable correlation rules.</summary>
    public IReadOnlyList<CorrelationRule> Rules { get; }

    /// <summary>Correlations left out, with file, line and reason.</summary>
    public IReadOnlyList<SigmaLoadError> Errors { get; }

    internal CompiledCorrelation[] Compiled { get; }

    /// <summary>
    /// Builds the set. With <paramref name="knownRules"/>, a reference to a rule that is not loaded is an error; without,
    /// references are trusted and matched against each hit's rule id and name at run time.
    /// </summary>
    public static CorrelationSet Build(IEnumerable<CorrelationRule> correlations, IEnumerable<SigmaRuleIdentity>? knownRules = null)
    {
        ArgumentNullException.ThrowIfNull(correlations);
        var builder = new CorrelationSetBuilder([.. correlations], knownRules);
        var (compiled, errors) = builder.Resolve();
        var subscribers = new Dictionary<string, List<(int, int)>>(StringComparer.Ordinal);
        var generate = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var correlation in compiled)
        {
            for (var i = 0; i < correlation.Rule.Rules.Count; i++)
            {
                var reference = correlation.Rule.Rules[i];
                if (CorrelationSetBuilder.FindCorrelation(reference, compiled) is { } inner)
                {
                    inner.Consumers.Add((correlation.Index, i));
                    inner.Standalone &= correlation.Rule.Generate;
                    continue;
                }

                // The reference is an id or a name; hits carry both, so it is matched against both at run time.
                if (!subscribers.TryGetValue(reference, out var list))
                {
                    subscribers[reference] = list = [];
                }

                list.Add((correlation.Index, i));
                generate[reference] = generate.GetValueOrDefault(reference) || correlation.Rule.Generate;
            }
        }

        return new CorrelationSet(compiled, subscribers, generate, errors);
    }

    /// <summary>
    /// Parses the correlation documents a rule pack load collected and resolves them against the rules that compiled;
    /// parse and reference errors both land in <see cref="Errors"/>.
    /// </summary>
    public static CorrelationSet Load(IEnumerable<SigmaRawDocument> documents, IEnumerable<SigmaRuleIdentity> knownRules)
    {
        var (rules, parseErrors) = CorrelationRuleParser.ParseAll(documents);
        var set = Build(rules, knownRules);
        return parseErrors.Count == 0 ? set : new CorrelationSet(set, [.. parseErrors, .. set.Errors]);
    }

    /// <summary>
    /// Whether a Sigma rule's own hits should be reported as alerts. False when correlations reference the rule and
    /// none of them sets <c>generate: true</c> (spec "Generate": by default only the correlation is generated).
    /// </summary>
    public bool ReportsStandalone(string? ruleId, string? ruleName)
    {
        bool? generate = null;
        foreach (var key in (ReadOnlySpan<string?>)[ruleId, ruleName])
        {
            if (key is not null && _generateByReference.TryGetValue(key, out var value))
            {
                generate = (generate ?? false) || value;
            }
        }

        return generate ?? true;
    }

    /// <summary>Whether any correlation references the rule by its id or name.</summary>
    public bool References(string? ruleId, string? ruleName) =>
        (ruleId is not null && _subscribers.ContainsKey(ruleId)) || (ruleName is not null && _subscribers.ContainsKey(ruleName));

    /// <summary>Correlations (and the position in their rules) that a hit of this rule feeds; each at most once.</summary>
    internal void CollectSubscribers(string? ruleId, string? ruleName, List<(int Correlation, int RuleIndex)> into)
    {
        into.Clear();
        foreach (var key in (ReadOnlySpan<string?>)[ruleId, ruleName])
        {
            if (key is null || !_subscribers.TryGetValue(key, out var list))
            {
                continue;
            }

            foreach (var subscriber in list)
            {
                // A correlation listing the same rule by id and by name counts the hit once, at its first position.
                if (!Contains(into, subscriber.Correlation))
                {
                    into.Add(subscriber);
                }
            }
        }
    }

    private static bool Contains(List<(int Correlation, int RuleIndex)> subscribers, int correlation)
    {
        foreach (var subscriber in subscribers)
        {
            if (subscriber.Correlation == correlation)
            {
                return true;
            }
        }

        return false;
    }
}
