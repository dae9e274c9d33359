using Vigil.Detection.Compilation;
using Vigil.Detection.Events;
using Vigil.Detection.Matching;
using Vigil.Detection.Pipelines;
using Vigil.Detection.Rules;

namespace Vigil.Detection.Engine;

/// <summary>Compiles a rule per logsource alternative of the pipeline and folds its filters in.</summary>
internal static class RuleCompiler
{
    public static CompiledSigmaRule Compile(SigmaRule rule, SigmaPipeline pipeline, IReadOnlyList<SigmaFilter> filters)
    {
        var alternatives = new List<CompiledAlternative>();
        foreach (var (conditions, fieldMappings) in Alternatives(rule.LogSource, pipeline))
        {
            var context = new CompileContext(fieldMappings, pipeline.Placeholders);
            var parts = new List<Matcher>();
            foreach (var (field, values) in conditions)
            {
                var value = PatternMatchers.Any([.. values.Select(v => (ValueMatcher)new StringValueMatcher(StringKind.Exact, v, StringComparison.OrdinalIgnoreCase))]);
                parts.Add(new FieldMatcher(FieldNameTable.GetOrAdd(field), value));
            }

            var detection = DetectionCompiler.Compile(rule.Detection, context);
            parts.Add(detection);
            foreach (var filter in filters)
            {
                // Sigma filters specification: the filter's condition matching suppresses the rule's match.
                parts.Add(new NotMatcher(DetectionCompiler.Compile(filter.Detection, context)));
            }

            alternatives.Add(new CompiledAlternative(parts.Count == 1 ? parts[0] : new AndMatcher([.. parts]), detection, context));
        }

        return new CompiledSigmaRule(rule, [.. alternatives], filters);
    }

    /// <summary>
    /// Entries that apply are grouped by the logsource keys they constrain; alternatives within a group
    /// are OR-ed, groups combine (cartesian product, conditions AND-ed, mappings merged).
    /// </summary>
    private static List<(Dictionary<string, IReadOnlyList<string>> Conditions, Dictionary<string, string> Mappings)> Alternatives(
        SigmaLogSource logSource, SigmaPipeline pipeline)
    {
        var result = new List<(Dictionary<string, IReadOnlyList<string>>, Dictionary<string, string>)>
        {
            (new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal), new Dictionary<string, string>(pipeline.FieldMappings, StringComparer.Ordinal)),
        };
        foreach (var group in pipeline.LogSources.Where(m => m.Applies(logSource)).GroupBy(m => m.Key))
        {
            var next = new List<(Dictionary<string, IReadOnlyList<string>>, Dictionary<string, string>)>();
            foreach (var (conditions, mappings) in result)
            {
                foreach (var entry in group)
                {
                    var mergedConditions = new Dictionary<string, IReadOnlyList<string>>(conditions, StringComparer.Ordinal);
                    foreach (var (field, values) in entry.Conditions)
                    {
                        mergedConditions[field] = values;
                    }

                    var mergedMappings = new Dictionary<string, string>(mappings, StringComparer.Ordinal);
                    foreach (var (from, to) in entry.FieldMappings)
                    {
                        mergedMappings[from] = to;
                    }

                    next.Add((mergedConditions, mergedMappings));
                }
            }

            result = next;
        }

        return result;
    }
}
