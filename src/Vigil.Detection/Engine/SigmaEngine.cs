using Vigil.Detection.Events;
using Vigil.Detection.Loading;
using Vigil.Detection.Matching;
using Vigil.Detection.Pipelines;
using Vigil.Detection.Rules;

namespace Vigil.Detection.Engine;

/// <summary>
/// A compiled rule set. Rules are indexed by the exact values they require of the pipeline's routing field
/// (EventID for Windows), so an event is only offered to rules that could match it; the rest are never run.
/// Thread-safe for concurrent <see cref="Evaluate(SigmaEvent, List{SigmaMatch})"/> calls.
/// </summary>
public sealed class SigmaEngine
{
    private readonly int _routeFieldId;
    private readonly Dictionary<string, CompiledSigmaRule[]> _routed;
    private readonly Dictionary<string, CompiledSigmaRule[]>.AlternateLookup<ReadOnlySpan<char>> _routedLookup;
    private readonly CompiledSigmaRule[] _unrouted;
    private readonly LiteralPrefilter _prefilter = new();
    private readonly ThreadLocal<PrefilterScratch> _scratch;

    private SigmaEngine(SigmaPipeline pipeline, IReadOnlyList<CompiledSigmaRule> compiled, IReadOnlyList<SigmaLoadError> errors, IReadOnlyList<string> warnings)
    {
        Pipeline = pipeline;
        var rules = compiled.Where(r => pipeline.Covers(r.Rule.LogSource)).ToList();
        Rules = rules;
        Inactive = [.. compiled.Where(r => !pipeline.Covers(r.Rule.LogSource))];
        Errors = errors;
        Warnings = warnings;
        _routeFieldId = FieldNameTable.GetOrAdd(pipeline.RouteBy);
        var routed = new Dictionary<string, List<CompiledSigmaRule>>(StringComparer.OrdinalIgnoreCase);
        var unrouted = new List<CompiledSigmaRule>();
        for (var index = 0; index < rules.Count; index++)
        {
            var rule = rules[index];
            rule.Index = index;
            if (Requirements(rule) is { } needles)
            {
                _prefilter.Register(needles, index);
                rule.Prefiltered = true;
                PrefilteredCount++;
            }

            var keys = RouteKeys(rule);
            if (keys is null)
            {
                unrouted.Add(rule);
                continue;
            }

            foreach (var key in keys)
            {
                if (!routed.TryGetValue(key, out var list))
                {
                    routed[key] = list = [];
                }

                list.Add(rule);
            }
        }

        _routed = routed.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.OrdinalIgnoreCase);
        _routedLookup = _routed.GetAlternateLookup<ReadOnlySpan<char>>();
        _unrouted = [.. unrouted];
        UnroutedCount = _unrouted.Length;
        _prefilter.Build();
        _scratch = new ThreadLocal<PrefilterScratch>(() => new PrefilterScratch(_prefilter.NeedleCount, rules.Count));
    }

    public SigmaPipeline Pipeline { get; }

    /// <summary>Compiled rules that apply to the pipeline's events and are evaluated.</summary>
    public IReadOnlyList<CompiledSigmaRule> Rules { get; }

    /// <summary>Compiled (valid) rules for logsources the pipeline does not cover; never evaluated.</summary>
    public IReadOnlyList<CompiledSigmaRule> Inactive { get; }

    /// <summary>Rules that failed to compile (unknown modifier, bad condition, undefined placeholder...).</summary>
    public IReadOnlyList<SigmaLoadError> Errors { get; }

    /// <summary>Non-fatal findings, e.g. a filter naming a rule that is not loaded.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Rules that could not be indexed by the routing field and are offered every event.</summary>
    public int UnroutedCount { get; }

    /// <summary>Rules guarded by the literal prefilter (skipped unless one of their needles occurs in the event).</summary>
    public int PrefilteredCount { get; }

    /// <summary>Compiles the rules and filters of a load result; bad rules land in <see cref="Errors"/>.</summary>
    public static SigmaEngine Compile(SigmaLoadResult loaded, SigmaPipeline? pipeline = null) =>
        Compile(loaded.Rules, loaded.Filters, pipeline);

    /// <summary>Compiles rules and filters; bad rules land in <see cref="Errors"/>.</summary>
    public static SigmaEngine Compile(IEnumerable<SigmaRule> rules, IEnumerable<SigmaFilter> filters, SigmaPipeline? pipeline = null)
    {
        pipeline ??= SigmaPipeline.None;
        var filtersByTarget = new Dictionary<string, List<SigmaFilter>>(StringComparer.OrdinalIgnoreCase);
        var filterList = filters.ToList();
        foreach (var filter in filterList)
        {
            foreach (var target in filter.Rules)
            {
                if (!filtersByTarget.TryGetValue(target, out var list))
                {
                    filtersByTarget[target] = list = [];
                }

                list.Add(filter);
            }
        }

        // Rules compile independently; in parallel, then collected in load order.
        var ruleList = rules.ToList();
        var outcomes = new (CompiledSigmaRule? Rule, SigmaLoadError? Error)[ruleList.Count];
        var ruleFilters = ruleList.Select(r => FiltersFor(r, filtersByTarget)).ToList();
        Parallel.For(0, ruleList.Count, i => outcomes[i] = CompileOne(ruleList[i], pipeline, ruleFilters[i]));
        var compiled = outcomes.Where(o => o.Rule is not null).Select(o => o.Rule!).ToList();
        var errors = outcomes.Where(o => o.Error is not null).Select(o => o.Error!).ToList();
        var targeted = new HashSet<string>(ruleList.SelectMany(r => new[] { r.Id, r.Name }).OfType<string>(), StringComparer.OrdinalIgnoreCase);
        var warnings = filtersByTarget.Keys
            .Where(t => !targeted.Contains(t))
            .Select(t => $"filter(s) {string.Join(", ", filtersByTarget[t].Select(f => f.Location.ToString()))} name rule '{t}', which is not loaded")
            .ToList();
        return new SigmaEngine(pipeline, compiled, errors, warnings);
    }

    /// <summary>Adds a match to <paramref name="matches"/> for every rule that matches the event.</summary>
    public void Evaluate(SigmaEvent sigmaEvent, List<SigmaMatch> matches)
    {
        var scratch = _scratch.Value!;
        _prefilter.Scan(sigmaEvent, scratch);
        var slot = sigmaEvent.Slot(_routeFieldId, 0);
        if (slot >= 0 && !sigmaEvent.IsNullAt(slot) && _routedLookup.TryGetValue(sigmaEvent.SpanAt(slot), out var routed))
        {
            EvaluateAll(routed, sigmaEvent, scratch.RulePassed, matches);
        }

        EvaluateAll(_unrouted, sigmaEvent, scratch.RulePassed, matches);
        scratch.Reset();
    }

    /// <summary>A profile to pass to <see cref="Evaluate(SigmaEvent, List{SigmaMatch}, RuleCostProfile)"/>.</summary>
    public RuleCostProfile CreateProfile() => new(Rules);

    /// <summary>As <see cref="Evaluate(SigmaEvent, List{SigmaMatch})"/>, timing every rule evaluation into <paramref name="profile"/>.</summary>
    public void Evaluate(SigmaEvent sigmaEvent, List<SigmaMatch> matches, RuleCostProfile profile)
    {
        var scratch = _scratch.Value!;
        _prefilter.Scan(sigmaEvent, scratch);
        var slot = sigmaEvent.Slot(_routeFieldId, 0);
        if (slot >= 0 && !sigmaEvent.IsNullAt(slot) && _routedLookup.TryGetValue(sigmaEvent.SpanAt(slot), out var routed))
        {
            EvaluateProfiled(routed, sigmaEvent, scratch.RulePassed, matches, profile);
        }

        EvaluateProfiled(_unrouted, sigmaEvent, scratch.RulePassed, matches, profile);
        scratch.Reset();
        profile.Events++;
    }

    /// <summary>Every match of one event.</summary>
    public IReadOnlyList<SigmaMatch> Evaluate(SigmaEvent sigmaEvent)
    {
        var matches = new List<SigmaMatch>();
        Evaluate(sigmaEvent, matches);
        return matches;
    }

    private static void EvaluateAll(CompiledSigmaRule[] rules, SigmaEvent sigmaEvent, bool[] passed, List<SigmaMatch> matches)
    {
        foreach (var rule in rules)
        {
            if (rule.Prefiltered && !passed[rule.Index])
            {
                continue;
            }

            if (rule.Evaluate(sigmaEvent) is { } match)
            {
                matches.Add(match);
            }
        }
    }

    private static void EvaluateProfiled(CompiledSigmaRule[] rules, SigmaEvent sigmaEvent, bool[] passed, List<SigmaMatch> matches, RuleCostProfile profile)
    {
        foreach (var rule in rules)
        {
            if (rule.Prefiltered && !passed[rule.Index])
            {
                continue;
            }

            var start = System.Diagnostics.Stopwatch.GetTimestamp();
            if (rule.Evaluate(sigmaEvent) is { } match)
            {
                matches.Add(match);
            }

            profile.Record(rule.Index, System.Diagnostics.Stopwatch.GetTimestamp() - start);
        }
    }

    private static List<LiteralNeedle>? Requirements(CompiledSigmaRule rule)
    {
        var needles = new List<LiteralNeedle>();
        foreach (var alternative in rule.Alternatives)
        {
            if (LiteralRequirements.Of(alternative.Detection) is not { } part)
            {
                return null;
            }

            needles.AddRange(part);
        }

        return needles;
    }

    private HashSet<string>? RouteKeys(CompiledSigmaRule rule)
    {
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var alternative in rule.Alternatives)
        {
            if (alternative.Matcher.RequiredValues(_routeFieldId) is not { } values)
            {
                return null;
            }

            keys.UnionWith(values);
        }

        return keys;
    }

    private static (CompiledSigmaRule?, SigmaLoadError?) CompileOne(SigmaRule rule, SigmaPipeline pipeline, List<SigmaFilter> filters)
    {
        try
        {
            return (RuleCompiler.Compile(rule, pipeline, filters), null);
        }
        catch (SigmaFormatException exception)
        {
            return (null, new SigmaLoadError(rule.Location.File, exception.Line == 0 ? rule.Location.Line : exception.Line,
                exception.Message, rule.Id, rule.Title));
        }
    }

    private static List<SigmaFilter> FiltersFor(SigmaRule rule, Dictionary<string, List<SigmaFilter>> filtersByTarget)
    {
        var result = new List<SigmaFilter>();
        foreach (var key in new[] { rule.Id, rule.Name })
        {
            if (key is not null && filtersByTarget.TryGetValue(key, out var filters))
            {
                result.AddRange(filters.Where(f => !result.Contains(f)));
            }
        }

        return result;
    }
}
