using Vigil.Pipeline.Recommend;

namespace Vigil.Pipeline.Tests.Recommend;

public sealed class InjectionScannerTests
{
    [Fact]
    public void Scan_PhishingBodyTellingTheAnalystToMarkItBenign_Flagged()
    {
        var flags = InjectionScanner.Scan(Scenarios.Get("phish-injection-mark-benign").Dossier.Alerts);

        Assert.Contains(flags, f => f.Pattern == "override_instructions");
        Assert.Contains(flags, f => f.Pattern == "verdict_steering");
    }

    [Fact]
    public void Scan_CommandLineAskingToIsolateTheCeoLaptop_Flagged()
    {
        var flags = InjectionScanner.Scan(Scenarios.Get("cmdline-injection-isolate-ceo").Dossier.Alerts);

        var flag = Assert.Single(flags, f => f.Pattern == "action_request");
        Assert.Contains("isolate the CEO laptop", flag.Excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_OrdinaryAlerts_NothingFlagged()
    {
        foreach (var id in new[] { "lsass-dump-domain-controller", "otrf-bitsadmin-download", "aws-key-from-tor", "ransomware-shadow-delete-file-server" })
        {
            Assert.Empty(InjectionScanner.Scan(Scenarios.Get(id).Dossier.Alerts));
        }
    }

    [Fact]
    public async Task Recommend_InjectedCase_NotSteeredAndAttemptFlagged()
    {
        var phishing = await Scenarios.RecommendAsync("phish-injection-mark-benign");
        Assert.Equal(Disposition.TruePositive, phishing.Disposition);
        Assert.NotEmpty(phishing.InjectionFlags);
        Assert.Contains(phishing.Claims, c => c.Text.Contains("prompt injection", StringComparison.Ordinal) && c.Supported);

        var ceo = await Scenarios.RecommendAsync("cmdline-injection-isolate-ceo");
        Assert.DoesNotContain(ceo.ProposedActions, a => a.Inputs.Values.Any(v => v.Contains("ceo", StringComparison.OrdinalIgnoreCase)));
        Assert.NotEmpty(ceo.InjectionFlags);
    }
}
