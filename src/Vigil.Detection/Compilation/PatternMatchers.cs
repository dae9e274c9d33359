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

    /// <summary>OR of several patterns; exact case-insensitive ones fold into one hash lookup.</summary>
    public static ValueMatcher Any(IReadOnlyList<ValueMatcher> matchers)
    {
        if (matchers.Count == 1)
        {
            return matchers[0];
        }

        var exact = matchers.OfType<StringValueMatcher>().Where(m => m is { Kind: StringKind.Exact, IgnoreCase: true }).ToList();
        if (exact.Count < 4)
        {
            return new AnyValueMatcher([.. matchers]);
        }

        var rest = matchers.Where(m => !exact.Contains(m)).ToList();
        rest.Add(new ExactSetValueMatcher(exact.Select(m => m.Needle)));
        return rest.Count == 1 ? rest[0] : new AnyValueMatcher([.. rest]);
    }
}
