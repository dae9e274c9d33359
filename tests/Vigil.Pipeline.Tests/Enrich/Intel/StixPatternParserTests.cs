using Vigil.Pipeline.Enrich.Intel.Stix;

namespace Vigil.Pipeline.Tests.Enrich.Intel;

public sealed class StixPatternParserTests
{
    [Fact]
    public void Parse_SingleComparison_ReadsPathOperatorAndValue()
    {
        var pattern = StixPatternParser.Parse("[ipv4-addr:value = '1.2.3.4']");

        var comparison = Assert.Single(Assert.Single(pattern.Branches));
        Assert.Equal(new StixComparison("ipv4-addr", "value", "=", false, "1.2.3.4"), comparison);
    }

    [Fact]
    public void Parse_QuotedHashName_KeepsTheVocabularyName()
    {
        var pattern = StixPatternParser.Parse("[file:hashes.'SHA-256' = 'ab'] OR [file:hashes.MD5 = 'cd']");

        Assert.Equal(["hashes.SHA-256", "hashes.MD5"], pattern.Branches.Select(b => Assert.Single(b).Path));
    }

    [Fact]
    public void Parse_EscapedQuoteAndBackslash_AreUnescaped()
    {
        var pattern = StixPatternParser.Parse(@"[url:value = 'http://x.example/it\'s\\here']");

        Assert.Equal(@"http://x.example/it's\here", Assert.Single(Assert.Single(pattern.Branches)).Value);
    }

    [Fact]
    public void Parse_UnknownEscape_IsASyntaxError()
    {
        var error = Assert.Throws<StixPatternException>(() => StixPatternParser.Parse(@"[url:value = 'a\nb']"));

        Assert.Contains("escaped", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AndBindsTighterThanOr_GivesDisjunctiveNormalForm()
    {
        var pattern = StixPatternParser.Parse("[domain-name:value = 'a.example' OR ipv4-addr:value = '1.1.1.1' AND url:value = 'http://u.example/']");

        Assert.Equal([1, 2], pattern.Branches.Select(b => b.Count));
    }

    [Fact]
    public void Parse_ParenthesesInsideObservation_DistributeAnd()
    {
        var pattern = StixPatternParser.Parse("[(domain-name:value = 'a.example' OR domain-name:value = 'b.example') AND ipv4-addr:value = '1.1.1.1']");

        Assert.Equal(2, pattern.Branches.Count);
        Assert.All(pattern.Branches, b => Assert.Equal(2, b.Count));
    }

    [Fact]
    public void Parse_ObservationsJoinedByAnd_FormOneCompoundBranch()
    {
        var pattern = StixPatternParser.Parse("([ipv4-addr:value = '1.1.1.1'] AND [domain-name:value = 'a.example']) OR [url:value = 'http://u.example/']");

        Assert.Equal([2, 1], pattern.Branches.Select(b => b.Count));
    }

    [Fact]
    public void Parse_InSet_ExpandsToAlternatives()
    {
        var pattern = StixPatternParser.Parse("[ipv4-addr:value IN ('1.1.1.1', '2.2.2.2')]");

        Assert.Equal(["1.1.1.1", "2.2.2.2"], pattern.Branches.Select(b => Assert.Single(b).Value));
    }

    [Fact]
    public void Parse_NotAndNonStringConstants_AreKeptForTheMapperToJudge()
    {
        var pattern = StixPatternParser.Parse("[file:size NOT > 1024 AND file:created = t'2026-01-01T00:00:00Z']");

        var branch = Assert.Single(pattern.Branches);
        Assert.True(branch[0].Negated);
        Assert.Null(branch[0].Value);
        Assert.Null(branch[1].Value);
    }

    [Theory]
    [InlineData("[a:value = '1'] FOLLOWEDBY [b:value = '2']", "FOLLOWEDBY")]
    [InlineData("[a:value = '1'] WITHIN 300 SECONDS", "WITHIN")]
    [InlineData("[a:value = '1'] REPEATS 5 TIMES", "REPEATS")]
    [InlineData("[a:value = '1'] START t'2026-01-01T00:00:00Z' STOP t'2026-02-01T00:00:00Z'", "START")]
    [InlineData("[ipv4-addr:value = '1.1.1.1'", "expected ']'")]
    [InlineData("ipv4-addr:value = '1.1.1.1'", "expected '['")]
    [InlineData("[ipv4-addr:value = '1.1.1.1]", "unterminated")]
    [InlineData("[ipv4-addr:value ~ '1']", "operator")]
    [InlineData("[ipv4-addr:value = '1'] junk", "unexpected")]
    public void Parse_UnsupportedOrMalformed_ThrowsWithReason(string text, string reason)
    {
        var error = Assert.Throws<StixPatternException>(() => StixPatternParser.Parse(text));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ExplodingAndOfOrs_IsRefusedNotExpanded()
    {
        var set = "(" + string.Join(", ", Enumerable.Range(0, 20).Select(i => $"'{i}'")) + ")";
        var text = $"[a:x IN {set} AND b:x IN {set} AND c:x IN {set}]";

        var error = Assert.Throws<StixPatternException>(() => StixPatternParser.Parse(text));

        Assert.Contains("more than", error.Message, StringComparison.Ordinal);
    }
}
