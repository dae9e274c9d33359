using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using Vigil.Detection.Compilation;
using Vigil.Detection.Matching;

namespace Vigil.Detection.Tests.Sigma;

/// <summary>Properties of Sigma's escaping and wildcard rules (rules specification, "Escape Character").</summary>
public sealed class PatternPropertyTests
{
    private static readonly Gen<string> Tricky = Gen.String[Gen.Char["ab*?\\ -"], 0, 12];
    private static readonly Gen<string> Text = Gen.String[Gen.Char["abAB*?\\ -"], 0, 14];

    [Fact]
    public void Parse_EscapedLiteral_RoundTripsWithoutWildcards() =>
        Tricky.Sample(literal =>
        {
            var parsed = SigmaPattern.Parse(SigmaPattern.Literal(literal).ToString());

            Assert.Equal(literal, parsed.Chars);
            Assert.False(parsed.HasWildcards);
        });

    [Fact]
    public void Modifiers_EscapedLiteral_MatchWhereverTheModifierSays() =>
        Gen.Select(Tricky, Tricky, Tricky).Sample((literal, before, after) =>
        {
            var pattern = SigmaPattern.Parse(SigmaPattern.Literal(literal).ToString());

            Assert.True(PatternMatchers.For(pattern, true).Matches(literal));
            Assert.True(PatternMatchers.For(pattern.WithStar(true, true), true).Matches(before + literal + after));
            Assert.True(PatternMatchers.For(pattern.WithStar(false, true), true).Matches(literal + after));
            Assert.True(PatternMatchers.For(pattern.WithStar(true, false), true).Matches(before + literal));
        });

    [Fact]
    public void Parse_ValueEndingInBackslash_AddedWildcardStaysWildcard() =>
        Tricky.Sample(literal =>
        {
            var pattern = SigmaPattern.Parse(literal + "\\").WithStar(false, true);

            Assert.Equal(PatternToken.Star, pattern.Tokens[^1]);
            Assert.Equal('\\', pattern.Chars[^2]);
            Assert.Equal(PatternToken.Literal, pattern.Tokens[^2]);
        });

    [Fact]
    public void Matches_RandomPattern_AgreesWithRegexOracle() =>
        Gen.Select(Tricky, Text).Sample((raw, text) =>
        {
            var pattern = SigmaPattern.Parse(raw);
            var oracle = new Regex(ToRegex(pattern), RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant);

            Assert.Equal(oracle.IsMatch(text), PatternMatchers.For(pattern, ignoreCase: true).Matches(text));
        }, iter: 2000);

    [Fact]
    public void ContainsAny_RandomNeedles_AgreesWithOrdinalIgnoreCaseSearch()
    {
        // Characters whose case folding differs between simple lowering and OrdinalIgnoreCase: long s (ſ → S),
        // Kelvin sign, dotless and dotted i, and a surrogate pair.
        var alphabet = Gen.Char["sSſkKKiIıİ\uD83D\uDE00ab"];
        var needles = Gen.String[alphabet, 1, 3].Array[4, 8];
        Gen.Select(needles, Gen.String[alphabet, 0, 16]).Sample((list, text) =>
        {
            var matcher = new ContainsAnyValueMatcher(list);
            var expected = list.Any(n => text.Contains(n, StringComparison.OrdinalIgnoreCase));

            Assert.Equal(expected, matcher.Matches(text));
        }, iter: 3000);
    }

    [Fact]
    public void ContainsAny_LongOverlappingNeedles_AgreesWithOrdinalIgnoreCaseSearch()
    {
        // Long needles over a tiny alphabet: deep, overlapping trie tails (the sparse states) and failure chains.
        var alphabet = Gen.Char["abAB"];
        var needles = Gen.String[alphabet, 3, 10].Array[1, 40];
        Gen.Select(needles, Gen.String[alphabet, 0, 40]).Sample((list, text) =>
        {
            var matcher = new ContainsAnyValueMatcher(list);
            var expected = list.Any(n => text.Contains(n, StringComparison.OrdinalIgnoreCase));

            Assert.Equal(expected, matcher.Matches(text));
        }, iter: 3000);
    }

    [Fact]
    public void Scan_RandomNeedles_ReportsExactlyTheNeedlesThatOccur()
    {
        var alphabet = Gen.Char["abcAſ"];
        var needles = Gen.String[alphabet, 1, 8].Array[1, 30];
        Gen.Select(needles, Gen.String[alphabet, 0, 30]).Sample((list, text) =>
        {
            var lowered = list.Select(n => n.ToLowerInvariant()).ToArray();
            var automaton = new LiteralAutomaton(lowered, [.. Enumerable.Range(0, lowered.Length)]);
            var scratch = new PrefilterScratch(lowered.Length, lowered.Length);

            automaton.Scan(text, scratch);
            scratch.PassRulesOfSeenNeedles([.. Enumerable.Range(0, lowered.Length).Select(i => new[] { i })]);

            for (var i = 0; i < lowered.Length; i++)
            {
                Assert.Equal(text.Contains(lowered[i], StringComparison.OrdinalIgnoreCase), scratch.RulePassed[i]);
            }
        }, iter: 3000);
    }

    [Fact]
    public void Any_ManyCaseInsensitiveSubstrings_FoldIntoOneAutomaton()
    {
        var patterns = new[] { "alpha", "beta", "gamma", "delta", "epsilon" }
            .Select(n => PatternMatchers.For(SigmaPattern.Literal(n).WithStar(true, true), ignoreCase: true))
            .ToArray();

        var folded = PatternMatchers.Any(patterns);

        Assert.IsType<ContainsAnyValueMatcher>(folded);
        Assert.True(folded.Matches("x GAMMA y"));
        Assert.False(folded.Matches("gamm"));
    }

    private static string ToRegex(SigmaPattern pattern)
    {
        var builder = new StringBuilder("^");
        for (var i = 0; i < pattern.Tokens.Length; i++)
        {
            builder.Append(pattern.Tokens[i] switch
            {
                PatternToken.Star => ".*",
                PatternToken.Question => ".",
                _ => Regex.Escape(pattern.Chars[i].ToString()),
            });
        }

        return builder.Append('$').ToString();
    }
}
