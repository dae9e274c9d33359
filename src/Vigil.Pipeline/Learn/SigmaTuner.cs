using System.Text;
using System.Text.RegularExpressions;
using Vigil.Detection.Engine;
using Vigil.Detection.Events;
using Vigil.Detection.Loading;
using Vigil.Detection.Regression;

namespace Vigil.Pipeline.Learn;

/// <summary>
/// Proposes an exclusion for a Sigma rule that fired on benign activity and proves it by replay. The exclusion uses
/// context fields the rule does not test (who ran it, from where, on which host), with the values the benign events
/// hold. It starts with the narrowest useful filter the analyst named (or the first context field) and, when replay
/// shows it would silence a true positive, adds the next field (AND), so the filter only ever narrows.
/// </summary>
public static partial class SigmaTuner
{
    /// <summary>Context fields in the order they are tried: the actor and the tool before the host, never ids or times.</summary>
    public static readonly IReadOnlyList<string> PreferredFields =
    [
        "ParentImage", "Image", "OriginalFileName", "User", "SubjectUserName", "TargetUserName", "ParentCommandLine",
        "CommandLine", "Computer", "Hostname", "SourceIp", "DestinationHostname", "QueryName", "ServiceName", "TaskName",
    ];

    public static TuningResult Propose(TuningRequest request)
    {
        var loaded = SigmaRuleLoader.LoadText(request.RuleYaml, request.RuleFileName);
        var original = SigmaEngine.Compile(loaded, request.Pipeline);
        if (loaded.Errors.Count > 0 || original.Errors.Count > 0 || original.Rules.Count != 1)
        {
            throw new InvalidDataException($"{request.RuleFileName}: not one compilable rule for pipeline '{request.Pipeline.Name}': "
                + string.Join("; ", loaded.Errors.Concat(original.Errors).Select(e => e.ToString())));
        }

        var rule = original.Rules[0].Rule;
        var ruleId = rule.Id ?? request.RuleFileName;
        var benign = Parse(request.BenignEvents);
        var firing = new List<SigmaMatch>();
        foreach (var (_, sigmaEvent) in benign)
        {
            var found = new List<SigmaMatch>();
            original.Evaluate(sigmaEvent, found);
            firing.AddRange(found.Where(m => m.RuleId == rule.Id));
        }

        if (firing.Count == 0)
        {
            throw new InvalidDataException($"rule {ruleId} does not fire on any event of case {request.CaseId}: there is nothing to tune");
        }

        var tested = TestedFields(request.RuleYaml);
        var candidates = request.PreferredFields.Concat(PreferredFields).Distinct(StringComparer.Ordinal)
            .Where(field => !tested.Contains(field))
            .Select(field => (Field: field, Values: Values(firing, field)))
            .Where(c => c.Values.Count > 0)
            .ToList();
        if (candidates.Count == 0)
        {
            throw new InvalidDataException($"the events of case {request.CaseId} hold none of the context fields an exclusion could use ({string.Join(", ", PreferredFields)})");
        }

        var filterName = "filter_vigil_" + Slug(request.CaseId);
        var attempts = new List<string>();
        TuningResult? last = null;
        // Analyst-named fields go in together; otherwise one more context field per failed attempt.
        var start = Math.Max(1, candidates.Count(c => request.PreferredFields.Contains(c.Field)));
        for (var take = start; take <= candidates.Count; take++)
        {
            var filter = candidates.Take(take).Select(c => new TuningFilterField(c.Field, c.Values)).ToArray();
            var tunedYaml = RuleFilterWriter.AddFilter(request.RuleYaml, filterName, filter.Select(f => (f.Field, f.Values)).ToArray());
            var proof = Replay(request, rule.Id, original, tunedYaml);
            last = new TuningResult
            {
                CaseId = request.CaseId,
                RuleId = ruleId,
                RuleTitle = rule.Title,
                FilterName = filterName,
                Filter = filter,
                OriginalRule = request.RuleYaml,
                TunedRule = tunedYaml,
                Diff = LineDiff.Unified(request.RuleYaml, tunedYaml, request.RuleFileName),
                Proof = proof,
                Attempts = [.. attempts],
            };
            if (proof.Passed)
            {
                return last;
            }

            attempts.Add($"excluding {string.Join(" and ", filter.Select(f => f.Field))}: {Why(proof)}");
        }

        return last! with { Attempts = attempts };
    }

    private static ReplayProof Replay(TuningRequest request, string? ruleId, SigmaEngine original, string tunedYaml)
    {
        var tunedLoaded = SigmaRuleLoader.LoadText(tunedYaml, request.RuleFileName);
        var tuned = SigmaEngine.Compile(tunedLoaded, request.Pipeline);
        if (tunedLoaded.Errors.Count > 0 || tuned.Errors.Count > 0 || tuned.Rules.Count != 1)
        {
            throw new InvalidDataException("the tuned rule does not compile: " + string.Join("; ", tunedLoaded.Errors.Concat(tuned.Errors).Select(e => e.ToString())));
        }

        var benign = Set(request.BenignEvents, ruleId, original, tuned, wrongWhenTunedFires: true);
        var positives = Set(request.TruePositiveEvents, ruleId, original, tuned, wrongWhenTunedFires: false);
        // RegressionSuite runs rule files; the tuned rule is written to a temporary file for the duration.
        var tunedPath = Path.Combine(Path.GetTempPath(), $"vigil-tuned-{Guid.NewGuid():N}.yml");
        File.WriteAllText(tunedPath, tunedYaml);
        try
        {
            var regression = request.RegressionCases
                .Where(c => string.Equals(c.RuleId, ruleId, StringComparison.OrdinalIgnoreCase))
                .Select(c =>
                {
                    var before = RegressionSuite.Run(c, request.Pipeline);
                    var after = RegressionSuite.Run(c with { RulePath = tunedPath }, request.Pipeline);
                    return new RegressionReplay(c.RuleId, Path.GetFileName(c.EventsPath), c.ExpectedMinMatches, before.Matches, after.Matches, after.Error is null && after.Matches >= c.ExpectedMinMatches, after.Error);
                })
                .ToArray();
            return new ReplayProof(benign, positives, regression);
        }
        finally
        {
            File.Delete(tunedPath);
        }
    }

    private static ReplaySet Set(IReadOnlyList<ReplayEvent> events, string? ruleId, SigmaEngine original, SigmaEngine tuned, bool wrongWhenTunedFires)
    {
        int firedOriginal = 0, firedTuned = 0;
        var wrong = new List<string>();
        foreach (var (reference, sigmaEvent) in Parse(events))
        {
            var before = Fires(original, sigmaEvent, ruleId);
            var after = Fires(tuned, sigmaEvent, ruleId);
            firedOriginal += before ? 1 : 0;
            firedTuned += after ? 1 : 0;
            if (wrongWhenTunedFires ? after : before && !after)
            {
                wrong.Add(reference);
            }
        }

        return new ReplaySet(events.Count, firedOriginal, firedTuned, wrong);
    }

    private static bool Fires(SigmaEngine engine, SigmaEvent sigmaEvent, string? ruleId)
    {
        var found = new List<SigmaMatch>();
        engine.Evaluate(sigmaEvent, found);
        return found.Any(m => m.RuleId == ruleId);
    }

    private static List<(string Ref, SigmaEvent Event)> Parse(IReadOnlyList<ReplayEvent> events)
    {
        var parsed = new List<(string, SigmaEvent)>(events.Count);
        foreach (var e in events)
        {
            foreach (var sigmaEvent in JsonEventReader.ReadAll(Encoding.UTF8.GetBytes(e.Json), e.Ref))
            {
                parsed.Add((e.Ref, sigmaEvent));
            }
        }

        return parsed;
    }

    private static IReadOnlyList<string> Values(List<SigmaMatch> matches, string field)
    {
        var values = new List<string>();
        foreach (var match in matches)
        {
            if (!match.TryGetField(field, out var value) || string.IsNullOrEmpty(value))
            {
                return [];
            }

            if (!values.Contains(value, StringComparer.OrdinalIgnoreCase))
            {
                values.Add(value);
            }
        }

        return values;
    }

    /// <summary>Field names the rule's detection tests (before any modifier), which an exclusion must not reuse.</summary>
    private static HashSet<string> TestedFields(string yaml) =>
        FieldKey().Matches(yaml).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.OrdinalIgnoreCase);

    private static string Why(ReplayProof proof) =>
        proof.Benign.FiredTuned > 0 ? $"still fires on {proof.Benign.FiredTuned} of the case's events"
        : proof.TruePositives.Wrong.Count > 0 ? $"would silence true positive(s) {string.Join(", ", proof.TruePositives.Wrong)}"
        : $"fails regression case(s) {string.Join(", ", proof.Regression.Where(r => !r.Passed).Select(r => r.Events))}";

    private static string Slug(string caseId) => caseId.Length > 12 ? caseId[^12..] : caseId;

    [GeneratedRegex(@"^\s+-?\s*([A-Za-z0-9_.]+)(?:\|[a-z0-9|]+)?\s*:", RegexOptions.Multiline)]
    private static partial Regex FieldKey();
}
