using Vigil.Detection.Events;
using Vigil.Detection.Rules;

namespace Vigil.Detection.Engine;

/// <summary>A rule compiled against a pipeline, ready to evaluate events.</summary>
public sealed class CompiledSigmaRule
{
    private readonly CompiledAlternative[] _alternatives;

    internal CompiledSigmaRule(SigmaRule rule, CompiledAlternative[] alternatives, IReadOnlyList<SigmaFilter> filters)
    {
        Rule = rule;
        _alternatives = alternatives;
        Filters = filters;
    }

    public SigmaRule Rule { get; }

    /// <summary>Global filters (Sigma filters specification) that suppress this rule's matches.</summary>
    public IReadOnlyList<SigmaFilter> Filters { get; }

    internal IReadOnlyList<CompiledAlternative> Alternatives => _alternatives;

    /// <summary>Position in the engine's rule list (indexes the prefilter's pass flags).</summary>
    internal int Index { get; set; }

    /// <summary>True when the rule runs only if the prefilter saw one of its needles in the event.</summary>
    internal bool Prefiltered { get; set; }

    /// <summary>Evaluates the rule on one event; null when it does not match.</summary>
    public SigmaMatch? Evaluate(SigmaEvent sigmaEvent)
    {
        foreach (var alternative in _alternatives)
        {
            if (alternative.Matcher.Matches(sigmaEvent))
            {
                return new SigmaMatch(Rule, sigmaEvent, alternative.Context.FieldMappings);
            }
        }

        return null;
    }
}
