using Vigil.Detection.Loading;
using Vigil.Detection.Matching;
using Vigil.Detection.Rules;

namespace Vigil.Detection.Compilation;

/// <summary>Compiles a detection section (search identifiers + conditions) into one matcher tree.</summary>
internal static class DetectionCompiler
{
    public static Matcher Compile(SigmaDetection detection, CompileContext context)
    {
        var searches = new Dictionary<string, Matcher>(StringComparer.Ordinal);
        foreach (var (name, item) in detection.Searches)
        {
            searches[name] = CompileItem(item, context);
        }

        var conditions = detection.Conditions
            .Select(text => Compile(ConditionParser.Parse(text, detection.ConditionLine), searches, detection.ConditionLine))
            .ToArray();
        return conditions.Length == 1 ? conditions[0] : new OrMatcher(conditions);
    }

    private static Matcher CompileItem(SigmaDetectionItem item, CompileContext context) => item switch
    {
        SigmaFieldTest test => FieldTestCompiler.Compile(test, context),
        SigmaDetectionAll all => Combine(all.Items, context, and: true),
        SigmaDetectionAny any => Combine(any.Items, context, and: false),
        _ => throw new SigmaFormatException("unsupported detection item", item.Line),
    };

    private static Matcher Combine(IReadOnlyList<SigmaDetectionItem> items, CompileContext context, bool and)
    {
        var children = items.Select(i => CompileItem(i, context)).ToArray();
        return children.Length == 1 ? children[0] : and ? new AndMatcher(children) : new OrMatcher(children);
    }

    private static Matcher Compile(ConditionNode node, Dictionary<string, Matcher> searches, int line) => node switch
    {
        ConditionAnd and => new AndMatcher([Compile(and.Left, searches, line), Compile(and.Right, searches, line)]),
        ConditionOr or => new OrMatcher([Compile(or.Left, searches, line), Compile(or.Right, searches, line)]),
        ConditionNot not => new NotMatcher(Compile(not.Operand, searches, line)),
        ConditionIdentifier identifier => searches.TryGetValue(identifier.Name, out var matcher)
            ? matcher
            : throw new SigmaFormatException(
                $"condition references '{identifier.Name}', which is not a search identifier (defined: {string.Join(", ", searches.Keys)})", line),
        ConditionQuantifier quantifier => CompileQuantifier(quantifier, searches, line),
        _ => throw new SigmaFormatException("unsupported condition", line),
    };

    private static Matcher CompileQuantifier(ConditionQuantifier quantifier, Dictionary<string, Matcher> searches, int line)
    {
        // 'them' skips identifiers starting with '_' (spec, "Condition"); patterns use '*' at any position.
        var selected = searches
            .Where(s => quantifier.Pattern is null ? !s.Key.StartsWith('_') : WildcardMatches(quantifier.Pattern, s.Key))
            .Select(s => s.Value)
            .ToArray();
        if (selected.Length == 0)
        {
            throw new SigmaFormatException(
                $"'{(quantifier.All ? "all" : "1")} of {quantifier.Pattern ?? "them"}' matches no search identifier", line);
        }

        return selected.Length == 1 ? selected[0] : quantifier.All ? new AndMatcher(selected) : new OrMatcher(selected);
    }

    private static bool WildcardMatches(string pattern, string name)
    {
        var parts = pattern.Split('*');
        if (parts.Length == 1)
        {
            return string.Equals(pattern, name, StringComparison.Ordinal);
        }

        if (!name.StartsWith(parts[0], StringComparison.Ordinal) || !name.EndsWith(parts[^1], StringComparison.Ordinal)
            || name.Length < parts[0].Length + parts[^1].Length)
        {
            return false;
        }

        var position = parts[0].Length;
        for (var i = 1; i < parts.Length - 1; i++)
        {
            var found = name.IndexOf(parts[i], position, StringComparison.Ordinal);
            if (found < 0 || found + parts[i].Length > name.Length - parts[^1].Length)
            {
                return false;
            }

            position = found + parts[i].Length;
        }

        return true;
    }
}
