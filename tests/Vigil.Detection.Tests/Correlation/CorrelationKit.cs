using Vigil.Detection.Correlation;
using Vigil.Detection.Loading;
using YamlDotNet.RepresentationModel;

namespace Vigil.Detection.Tests.Correlation;

/// <summary>Builds correlation sets from YAML text and rule hits from field lists, as the engine's callers would.</summary>
internal sealed class CorrelationKit
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private long _index;

    public static IReadOnlyList<SigmaRawDocument> Documents(string yaml, string file = "mr_test.yml")
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return [.. stream.Documents
            .Select(d => (YamlMappingNode)d.RootNode)
            .Where(CorrelationRuleParser.IsCorrelation)
            .Select(root => new SigmaRawDocument(file, checked((int)root.Start.Line), root))];
    }

    public static CorrelationRule Parse(string yaml) => CorrelationRuleParser.Parse(Documents(yaml).Single());

    public static CorrelationEngine Engine(string yaml, CorrelationOptions? options = null)
    {
        var (rules, errors) = CorrelationRuleParser.ParseAll(Documents(yaml));
        Assert.Empty(errors);
        var set = CorrelationSet.Build(rules);
        Assert.Empty(set.Errors);
        return new CorrelationEngine(set, options);
    }

    /// <summary>A hit of <paramref name="rule"/> (matched as id and as name) <paramref name="seconds"/> after T0.</summary>
    public CorrelationEvent Hit(string rule, double seconds, params (string Name, string Value)[] fields)
    {
        var values = fields.ToDictionary(f => f.Name, f => f.Value, StringComparer.OrdinalIgnoreCase);
        return new CorrelationEvent
        {
            RuleId = rule,
            RuleName = rule,
            Timestamp = T0.AddSeconds(seconds),
            Event = new EventRef("events.json", _index++),
            Field = name => values.GetValueOrDefault(name),
        };
    }

    /// <summary>Feeds every hit, then flushes; returns all matches in the order they fired.</summary>
    public static List<CorrelationMatch> Run(CorrelationEngine engine, IEnumerable<CorrelationEvent> hits)
    {
        var matches = new List<CorrelationMatch>();
        foreach (var hit in hits)
        {
            matches.AddRange(engine.Process(hit));
        }

        matches.AddRange(engine.Flush());
        return matches;
    }
}
