using System.Diagnostics;

namespace Vigil.Detection.Engine;

/// <summary>
/// Where detection time goes: per rule, how often it was evaluated (passed routing and the prefilter) and how long
/// that took. Detection engineers use it to find the few rules that dominate a pack's cost
/// (<c>vigil bench detect --profile</c>).
/// </summary>
public sealed class RuleCostProfile
{
    private readonly long[] _ticks;
    private readonly long[] _evaluations;
    private readonly IReadOnlyList<CompiledSigmaRule> _rules;

    internal RuleCostProfile(IReadOnlyList<CompiledSigmaRule> rules)
    {
        _rules = rules;
        _ticks = new long[rules.Count];
        _evaluations = new long[rules.Count];
    }

    /// <summary>Events offered to the engine while profiling.</summary>
    public long Events { get; internal set; }

    internal void Record(int ruleIndex, long ticks)
    {
        _ticks[ruleIndex] += ticks;
        _evaluations[ruleIndex]++;
    }

    /// <summary>The costliest rules first.</summary>
    public IReadOnlyList<RuleCost> Costliest(int count) =>
        [.. Enumerable.Range(0, _rules.Count)
            .Where(i => _evaluations[i] > 0)
            .OrderByDescending(i => _ticks[i])
            .Take(count)
            .Select(i => new RuleCost(_rules[i], TimeSpan.FromSeconds(_ticks[i] / (double)Stopwatch.Frequency), _evaluations[i], _rules[i].Prefiltered))];

    /// <summary>Total time spent evaluating rules (excluding routing and the prefilter scan).</summary>
    public TimeSpan Total => TimeSpan.FromSeconds(_ticks.Sum() / (double)Stopwatch.Frequency);
}
