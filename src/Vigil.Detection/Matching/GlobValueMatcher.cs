namespace Vigil.Detection.Matching;

/// <summary>
/// General wildcard pattern (<c>*</c>, <c>?</c>, windash classes in the middle). Greedy two-pointer match
/// with back-off to the last star: linear for the patterns Sigma rules use.
/// </summary>
internal sealed class GlobValueMatcher(SigmaPattern pattern, bool ignoreCase) : ValueMatcher
{
    private readonly string _chars = ignoreCase ? pattern.Chars.ToUpperInvariant() : pattern.Chars;
    private readonly PatternToken[] _tokens = pattern.Tokens;

    /// <summary>The longest run of literal characters: every matching value contains it.</summary>
    public string LongestLiteral { get; } = LongestRun(pattern);

    public override bool Matches(ReadOnlySpan<char> value)
    {
        int p = 0, s = 0, starP = -1, starS = 0;
        var length = _tokens.Length;
        while (s < value.Length)
        {
            if (p < length && _tokens[p] != PatternToken.Star && Same(p, value[s]))
            {
                p++;
                s++;
            }
            else if (p < length && _tokens[p] == PatternToken.Star)
            {
                starP = p++;
                starS = s;
            }
            else if (starP >= 0)
            {
                p = starP + 1;
                s = ++starS;
            }
            else
            {
                return false;
            }
        }

        while (p < length && _tokens[p] == PatternToken.Star)
        {
            p++;
        }

        return p == length;
    }

    private bool Same(int p, char c) => _tokens[p] switch
    {
        PatternToken.Question => true,
        PatternToken.Dash => SigmaPattern.DashCharacters.Contains(c, StringComparison.Ordinal),
        _ => _chars[p] == (ignoreCase ? char.ToUpperInvariant(c) : c),
    };

    public override int Cost => 6;

    private static string LongestRun(SigmaPattern pattern)
    {
        int bestStart = 0, bestLength = 0, start = 0;
        for (var i = 0; i <= pattern.Tokens.Length; i++)
        {
            if (i == pattern.Tokens.Length || pattern.Tokens[i] != PatternToken.Literal)
            {
                if (i - start > bestLength)
                {
                    (bestStart, bestLength) = (start, i - start);
                }

                start = i + 1;
            }
        }

        return pattern.Chars.Substring(bestStart, bestLength);
    }
}
