using Vigil.Detection.Matching;

namespace Vigil.Detection.Compilation;

/// <summary>Chooses the cheapest value matcher that implements a pattern exactly.</summary>
internal static class PatternMatchers
{
    public static ValueMatcher For(SigmaPattern pattern, bool ignoreCase)
    {
        var comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var tokens = pattern.Tokens;
        var n = tokens.Length;
        var leading = n > 0 && tokens[0] == PatternToken.Star;
        var trailing = n > 0 && tokens[^1] == PatternToken.Star && (n > 1 || !leading);
        var innerStart = leading ? 1 : 0;
        var innerEnd = trailing ? n - 1 : n;
        var inner = tokens.AsSpan(innerStart, Math.Max(0, innerEnd - innerStart));
        if (inner.ContainsAnyExcept(PatternToken.Literal))
        {
            return new GlobValueMatcher(pattern, ignoreCase);
        }

        var needle = pattern.Chars[innerStart..Math.Max(innerStart, innerEnd)];
        var kind = (leading, trailing) switch
        {
            (true, true) => StringKind.Contains,
            (true, false) => StringKind.Suffix,
            (false, true) => StringKind.Prefix,
            _ => StringKind.Exact,
        };
        if (needle.Length == 0 && kind != StringKind.Exact)
        {
            kind = StringKind.AnyValue;
        }

        return new StringValueMatcher(kind, needle, comparison);
    }

    // Below this many alternatives, separate vectorised span searches beat one automaton pass.
    private const int FoldThreshold = 4;

    /// <summary>
    /// OR of several patterns. Exact case-insensitive ones fold into one hash lookup, and case-insensitive
    /// substrings into one Aho–Corasick pass: SigmaHQ's emoji and homoglyph rules list hundreds of one-character
    /// substrings, which cost 0.3–0.6 ms per command line as separate searches.
    /// </summary>
    public static ValueMatcher Any(IReadOnlyList<ValueMatcher> matchers)
    {
        if (matchers.Count == 1)
        {
            return matchers[0];
        }

        var exact = matchers.OfType<StringValueMatcher>().Where(m => m is { Kind: StringKind.Exact, IgnoreCase: true }).ToList();
        var contains = matchers.OfType<StringValueMatcher>().Where(m => m is { Kind: StringKind.Contains, IgnoreCase: true }).ToList();
        if (exact.Count < FoldThreshold && contains.Count < FoldThreshold)
        {
            return new AnyValueMatcher([.. matchers]);
        }

        // Matchers compare by reference; a set keeps this linear for SigmaHQ's lists of hundreds of values.
        var folded = new HashSet<ValueMatcher>(ReferenceEqualityComparer.Instance);
        if (exact.Count >= FoldThreshold)
        {
            folded.UnionWith(exact);
        }

        if (contains.Count >= FoldThreshold)
        {
            folded.UnionWith(contains);
        }

        var rest = new List<ValueMatcher>();
        foreach (var matcher in matchers)
        {
            if (!folded.Contains(matcher))
            {
                rest.Add(matcher);
            }
        }

        if (exact.Count >= FoldThreshold)
        {
            rest.Add(new ExactSetValueMatcher(exact.Select(m => m.Needle)));
        }

        if (contains.Count >= FoldThreshold)
        {
            rest.Add(new ContainsAnyValueMatcher([.. contains.Select(m => m.Needle)]));
        }

        return rest.Count == 1 ? rest[0] : new AnyValueMatcher([.. rest]);
    }
}
