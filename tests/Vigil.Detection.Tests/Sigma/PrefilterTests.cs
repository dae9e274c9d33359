namespace Vigil.Detection.Tests.Sigma;

/// <summary>The literal prefilter skips rules that cannot match, and never one that can.</summary>
public sealed class PrefilterTests
{
    private const string Keywords = "keywords:\n    - 'sekurlsa::logonpasswords'\n    - 'kerberos::golden'\ncondition: keywords";

    [Fact]
    public void Compile_KeywordRule_IsGuardedByTheAnyFieldPrefilter()
    {
        var engine = SigmaKit.Engine(Keywords);

        Assert.Equal(1, engine.PrefilteredCount);
    }

    [Theory]
    [InlineData("""{"CommandLine":"mimikatz SEKURLSA::LogonPasswords exit"}""", true)]
    [InlineData("""{"a":"x","Payload":{"Script":"kerberos::golden /user:x"}}""", true)]
    [InlineData("""{"CommandLine":"sekurlsa::", "Other":"logonpasswords"}""", false)]
    [InlineData("""{"CommandLine":"benign"}""", false)]
    public void Evaluate_KeywordRule_MatchesInAnyFieldDespitePrefilter(string json, bool expected)
    {
        var engine = SigmaKit.Engine(Keywords);

        Assert.Equal(expected, engine.Evaluate(SigmaKit.Event(json)).Count > 0);
    }

    [Fact]
    public void Evaluate_ShortSubstringList_IsNotPrefilteredButStillMatches()
    {
        // One-character needles (SigmaHQ's emoji rules) are too common to guard a rule; the rule is evaluated
        // on every routed event, through one automaton pass.
        var engine = SigmaKit.Engine("selection:\n    CommandLine|contains:\n        - '😀'\n        - '😁'\n        - '😂'\n        - '🤣'\ncondition: selection");

        Assert.Equal(0, engine.PrefilteredCount);
        Assert.Single(engine.Evaluate(SigmaKit.Event("""{"CommandLine":"echo 🤣 > x"}""")));
        Assert.Empty(engine.Evaluate(SigmaKit.Event("""{"CommandLine":"echo :) > x"}""")));
    }
}
