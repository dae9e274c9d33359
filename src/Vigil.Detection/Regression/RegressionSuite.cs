using Vigil.Detection.Engine;
using Vigil.Detection.Events;
using Vigil.Detection.Loading;
using Vigil.Detection.Pipelines;

namespace Vigil.Detection.Regression;

/// <summary>
/// Runs regression cases laid out as in SigmaHQ's repository: rules/..., regression_data/..., and an
/// INDEX.csv (rule_id, rule_path, event_json, expected_min_matches, ...). Upstream CI's criterion: the rule
/// id appears at least expected_min_matches times among the matches of the case's events.
/// </summary>
public static class RegressionSuite
{
    /// <summary>Reads the cases of a regression directory from its INDEX.csv.</summary>
    /// <exception cref="FileNotFoundException">The directory has no INDEX.csv.</exception>
    public static IReadOnlyList<RegressionCase> LoadCases(string directory)
    {
        var index = Path.Combine(directory, "INDEX.csv");
        if (!File.Exists(index))
        {
            throw new FileNotFoundException($"'{directory}' has no INDEX.csv (rule_id,rule_path,event_json,expected_min_matches,...)", index);
        }

        var rows = Csv.Parse(File.ReadAllText(index));
        if (rows.Count == 0)
        {
            return [];
        }

        var header = rows[0];
        int Column(string name) => header.IndexOf(name) is var i and >= 0
            ? i
            : throw new InvalidDataException($"{index}: missing column '{name}'");
        int id = Column("rule_id"), rule = Column("rule_path"), events = Column("event_json"), min = Column("expected_min_matches");
        return [.. rows.Skip(1).Where(r => r.Count > min).Select(r => new RegressionCase(
            r[id],
            Path.Combine(directory, r[rule]),
            Path.Combine(directory, r[events]),
            int.TryParse(r[min], out var n) ? n : 1))];
    }

    /// <summary>Runs one case: compiles its rule with <paramref name="pipeline"/> and counts the rule's matches.</summary>
    public static RegressionResult Run(RegressionCase regressionCase, SigmaPipeline pipeline)
    {
        try
        {
            var loaded = SigmaRuleLoader.Load(regressionCase.RulePath);
            if (loaded.Errors.Count > 0)
            {
                return new RegressionResult(regressionCase, 0, 0, string.Join("; ", loaded.Errors));
            }

            var engine = SigmaEngine.Compile(loaded, pipeline);
            if (engine.Errors.Count > 0)
            {
                return new RegressionResult(regressionCase, 0, 0, string.Join("; ", engine.Errors));
            }

            int matches = 0, events = 0;
            var found = new List<SigmaMatch>();
            foreach (var sigmaEvent in JsonEventReader.ReadFile(regressionCase.EventsPath))
            {
                events++;
                found.Clear();
                engine.Evaluate(sigmaEvent, found);
                matches += found.Count(m => string.Equals(m.RuleId, regressionCase.RuleId, StringComparison.OrdinalIgnoreCase));
            }

            return new RegressionResult(regressionCase, matches, events, null);
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            return new RegressionResult(regressionCase, 0, 0, exception.Message);
        }
    }
}
