using Vigil.Domain;
using Vigil.Domain.Entities;
using Vigil.Pipeline.Enrich;
using Vigil.Pipeline.Enrich.Intel;
using Vigil.Pipeline.Enrich.Sources;

namespace Vigil.Pipeline.Tests.Enrich;

public sealed class EnrichmentSeverityTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Assess_CriticalAssetAndMaliciousIntel_CriticalWithBothReasons()
    {
        var decision = EnrichmentSeverity.Assess(Severity.Medium, [Asset("dc-01", "critical", "production"), Intel("203.0.113.9", "malicious", 85)]);

        Assert.Equal(Severity.Critical, decision.Severity);
        Assert.Equal(["raised: dc-01 is a critical asset", "raised: ip 203.0.113.9 is malicious per intel (score 85)"], decision.Reasons);
    }

    [Fact]
    public void Assess_SuspiciousIntelOnly_NoChange_MaliciousOnly_AtLeastHigh()
    {
        var unchanged = EnrichmentSeverity.Assess(Severity.Low, [Intel("x.example", "suspicious", 40)]);
        Assert.Equal(Severity.Low, unchanged.Severity);
        Assert.Empty(unchanged.Reasons);
        Assert.Equal(Severity.High, EnrichmentSeverity.Assess(Severity.Low, [Intel("x.example", "malicious", 90)]).Severity);
        Assert.Equal(Severity.Critical, EnrichmentSeverity.Assess(Severity.Critical, [Intel("x.example", "malicious", 90)]).Severity);
    }

    [Fact]
    public void Assess_OnlyLowStakesAssets_OneStepDown_ButNotWithAHitOrProduction()
    {
        var lab = Asset("lab-07", "low", "development");
        var lowered = EnrichmentSeverity.Assess(Severity.High, [lab]);
        Assert.Equal(Severity.Medium, lowered.Severity);
        Assert.Equal(["lowered: only low-stakes assets (lab-07: low criticality, development)"], lowered.Reasons);

        Assert.Equal(Severity.High, EnrichmentSeverity.Assess(Severity.High, [lab, Asset("db-02", "low", "production")]).Severity);
        Assert.Equal(Severity.High, EnrichmentSeverity.Assess(Severity.Medium, [lab, Intel("x.example", "malicious", 90)]).Severity);
        Assert.Equal(Severity.Low, EnrichmentSeverity.Assess(Severity.Low, [lab]).Severity);
    }

    [Fact]
    public void Assess_FailedAndNotFoundResults_AreIgnored_ReRunDoesNotCompound()
    {
        var failed = Results.Failed("virustotal", Entity.Create(EntityType.Ip, "203.0.113.9"), At, "timeout") with { Verdict = "malicious" };
        Assert.Equal(Severity.Medium, EnrichmentSeverity.Assess(Severity.Medium, [failed]).Severity);

        var evidence = new[] { Asset("dc-01", "critical", "production") };
        Assert.Equal(Severity.High, EnrichmentSeverity.Assess(Severity.Medium, [.. evidence, .. evidence]).Severity);
    }

    [Fact]
    public void IntelImport_Detect_StixBundleMispJsonAndCsv()
    {
        Assert.Equal(IntelFormat.Stix, IntelImport.Detect("""{"type": "bundle", "id": "bundle--1", "objects": []}"""));
        Assert.Equal(IntelFormat.Misp, IntelImport.Detect("""{"Event": {"info": "x", "Attribute": []}}"""));
        Assert.Equal(IntelFormat.Csv, IntelImport.Detect("value,type\n203.0.113.9,ip\n"));
        var read = IntelImport.Read("value,type,confidence\n203.0.113.0/24,cidr,80\n", "feed");
        Assert.Equal((IndicatorType.Cidr, "203.0.113.0/24", 80), (read.Indicators[0].Type, read.Indicators[0].Value, read.Indicators[0].Confidence));
    }

    private static EnrichmentResult Asset(string host, string criticality, string environment) =>
        Results.Found("assets", Entity.Create(EntityType.Host, host), At,
            new Attributes().Add("host", host).Add("criticality", criticality).Add("environment", environment).Build());

    private static EnrichmentResult Intel(string domainOrIp, string verdict, int score) =>
        Results.Found("intel", Entity.Create(domainOrIp.Contains(':', StringComparison.Ordinal) || char.IsAsciiDigit(domainOrIp[0]) ? EntityType.Ip : EntityType.Domain, domainOrIp), At,
            new Dictionary<string, string>(), verdict, score);
}
