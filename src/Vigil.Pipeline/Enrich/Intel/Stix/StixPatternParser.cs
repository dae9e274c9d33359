using System.Globalization;
using System.Text;

namespace Vigil.Pipeline.Enrich.Intel.Stix;

/// <summary>
/// Recursive-descent parser for the STIX 2.1 patterning language (section 9), producing <see cref="StixPattern"/>.
/// Grammar followed: pattern = observation-expression; observation expressions combine "[...]" and "(...)" with
/// AND / OR / FOLLOWEDBY (precedence OR &lt; AND &lt; FOLLOWEDBY, section 9.3); inside brackets comparison
/// expressions combine with AND / OR (AND binds tighter). FOLLOWEDBY and the WITHIN / REPEATS / START-STOP
/// qualifiers describe sequences over time, which a per-entity lookup cannot check, so they are rejected.
/// </summary>
public sealed partial class StixPatternParser
{
    /// <summary>Expanding AND over OR multiplies branches; beyond this the pattern is not a list of observables.</summary>
    public const int MaxBranches = 256;

    private readonly string _text;
    private int _pos;

    private StixPatternParser(string text) => _text = text;

    public static StixPattern Parse(string text)
    {
        var parser = new StixPatternParser(text);
        var branches = parser.ObservationOr();
        parser.SkipSpace();
        if (parser._pos < text.Length)
        {
            throw parser.Error($"unexpected '{text[parser._pos]}'");
        }

        return new StixPattern(branches);
    }

    private List<List<StixComparison>> ObservationOr()
    {
        var result = ObservationAnd();
        while (Keyword("OR"))
        {
            result = Or(result, ObservationAnd());
        }

        return result;
    }

    private List<List<StixComparison>> ObservationAnd()
    {
        var result = ObservationFollowedBy();
        while (Keyword("AND"))
        {
            result = And(result, ObservationFollowedBy());
        }

        return result;
    }

    private List<List<StixComparison>> ObservationFollowedBy()
    {
        var result = Observation();
        if (Keyword("FOLLOWEDBY"))
        {
            throw new StixPatternException("FOLLOWEDBY needs events in order over time; Vigil matches single observables");
        }

        return result;
    }

    private List<List<StixComparison>> Observation()
    {
        SkipSpace();
        List<List<StixComparison>> result;
        if (Take('['))
        {
            result = ComparisonOr();
            Expect(']');
        }
        else if (Take('('))
        {
            result = ObservationOr();
            Expect(')');
        }
        else
        {
            throw Error("expected '[' or '('");
        }

        foreach (var qualifier in (ReadOnlySpan<string>)["WITHIN", "REPEATS", "START"])
        {
            if (Keyword(qualifier))
            {
                throw new StixPatternException($"the {qualifier} qualifier constrains occurrences over time; Vigil matches single observables");
            }
        }

        return result;
    }

    private List<List<StixComparison>> ComparisonOr()
    {
        var result = ComparisonAnd();
        while (Keyword("OR"))
        {
            result = Or(result, ComparisonAnd());
        }

        return result;
    }

    private List<List<StixComparison>> ComparisonAnd()
    {
        var result = ComparisonTerm();
        while (Keyword("AND"))
        {
            result = And(result, ComparisonTerm());
        }

        return result;
    }

    private List<List<StixComparison>> ComparisonTerm()
    {
        SkipSpace();
        if (Take('('))
        {
            var inner = ComparisonOr();
            Expect(')');
            return inner;
        }

        var (objectType, path) = ObjectPath();
        var negated = Keyword("NOT");
        var op = Operator();
        if (op == "EXISTS")
        {
            return [[new StixComparison(objectType, path, op, negated, null)]];
        }

        if (op == "IN")
        {
            return [.. Set().Select(value => new List<StixComparison> { new(objectType, path, op, negated, value) })];
        }

        return [[new StixComparison(objectType, path, op, negated, Literal())]];
    }

    private static List<List<StixComparison>> Or(List<List<StixComparison>> left, List<List<StixComparison>> right)
    {
        left.AddRange(right);
        return left.Count > MaxBranches ? throw TooLarge() : left;
    }

    private static List<List<StixComparison>> And(List<List<StixComparison>> left, List<List<StixComparison>> right)
    {
        if (left.Count * right.Count > MaxBranches)
        {
            throw TooLarge();
        }

        return [.. left.SelectMany(l => right.Select(r => l.Concat(r).ToList()))];
    }

    private static StixPatternException TooLarge() =>
        new($"the pattern expands to more than {MaxBranches} alternatives");

    private StixPatternException Error(string problem) =>
        new(string.Create(CultureInfo.InvariantCulture, $"syntax error at position {_pos}: {problem}"));
}
