using Vigil.Domain;
using Vigil.Domain.Actions;
using Vigil.Pipeline.Recommend;

namespace Vigil.Pipeline.Tests.Recommend;

public sealed class BuiltInAnalystTests
{
    [Fact]
    public async Task Recommend_CredentialDumpingOnDomainController_CriticalWithCitedHypothesisAndContainment()
    {
        var scenario = Scenarios.Get("lsass-dump-domain-controller");
        var r = await Scenarios.RecommendAsync(scenario.Id);

        Assert.Equal(Severity.Critical, r.Severity);
        Assert.Equal(Disposition.TruePositive, r.Disposition);
        Assert.InRange(r.Confidence, 0.5, 1);
        Assert.Contains("OS Credential Dumping: LSASS Memory (T1003.001)", r.Hypothesis, StringComparison.Ordinal);
        Assert.Contains("production domain controller dc-01.corp.example", r.Hypothesis, StringComparison.Ordinal);
        Assert.Contains("privileged account svc-backup", r.Hypothesis, StringComparison.Ordinal);
        Assert.True(r.Verification.AllSupported);
        Assert.Empty(r.Verification.UnknownIds);
        var evidence = scenario.Dossier.EvidenceIds();
        Assert.All(r.Claims, c => Assert.All(c.EvidenceIds, id => Assert.Contains(id, evidence)));

        var isolate = Assert.Single(r.ProposedActions, a => a.Type == "host.isolate");
        Assert.Equal("dc-01.corp.example", isolate.Inputs["host"]);
        Assert.Equal(BlastRadius.Medium, isolate.BlastRadius);
        Assert.True(isolate.Impact.Production);
        Assert.Equal("domain controller", isolate.Impact.Role);
        Assert.Contains("authentication", isolate.Impact.ServiceDependencies);
        Assert.Equal("host.release", isolate.Rollback);
        Assert.True(isolate.RequiredEvidencePresent);
        Assert.Contains(r.ProposedActions, a => a.Type == "account.disable" && a.Inputs["user"] == "svc-backup");
    }

    [Fact]
    public async Task Recommend_Features_CarryWeightsAndEvidenceAndAreOrderedByContribution()
    {
        var r = await Scenarios.RecommendAsync("ransomware-shadow-delete-file-server");

        Assert.Equal(FeatureNames.All.Count, r.Features.Count);
        var magnitudes = r.Features.Select(f => Math.Abs(f.Contribution)).ToArray();
        Assert.Equal(magnitudes.OrderDescending(), magnitudes);
        var intel = r.Features.Single(f => f.Name == FeatureNames.ThreatIntel);
        Assert.Equal(0.88, intel.Value, 2);
        Assert.Equal(BuiltInWeights.Weights[FeatureNames.ThreatIntel], intel.Weight);
        Assert.NotEmpty(intel.EvidenceIds);
        // Exfiltration then Impact: two tactics (0.6), one of them high-impact (+0.3).
        Assert.Contains(r.Features, f => f.Name == FeatureNames.TacticProgression && f.Value == 0.9);
    }

    [Fact]
    public async Task Recommend_SanctionedAdminActivity_BenignWithNoDisruptiveAction()
    {
        var r = await Scenarios.RecommendAsync("psexec-maintenance-window");

        Assert.Equal(Disposition.BenignPositive, r.Disposition);
        Assert.Empty(r.ProposedActions);
        Assert.StartsWith("Sanctioned activity", r.Hypothesis, StringComparison.Ordinal);
        Assert.Contains(r.Features, f => f.Name == FeatureNames.Sanctioned && f.Contribution < 0);
    }

    [Fact]
    public async Task Recommend_ImpossibleTravelOnRecordedTrip_Benign()
    {
        var r = await Scenarios.RecommendAsync("travel-known-trip");

        Assert.Equal(Disposition.BenignPositive, r.Disposition);
        Assert.Contains(r.Features, f => f.Name == FeatureNames.GeoVelocity && f.Value == -1);
    }

    [Fact]
    public async Task Recommend_UnexplainedTravelOfPrivilegedAccount_RevokesTokens()
    {
        var r = await Scenarios.RecommendAsync("travel-privileged-unexplained");

        Assert.Equal(Disposition.TruePositive, r.Disposition);
        Assert.Contains(r.ProposedActions, a => a.Type == "token.revoke" && a.Inputs["user"] == "adm.jdoe");
    }

    [Fact]
    public async Task Recommend_NoContext_ListsMissingContextAndWhatItWouldChange()
    {
        var r = await Scenarios.RecommendAsync("aws-key-unusual-region");

        Assert.Contains(r.MissingContext, m => m.What.Contains("no analyst decisions", StringComparison.Ordinal));
        Assert.All(r.MissingContext, m => Assert.False(string.IsNullOrWhiteSpace(m.WouldChange)));
        Assert.Contains(r.ProposedActions, a => a.Type == "cloud.key.deactivate" && a.Inputs["access_key_id"] == "AKIAI44QH8DHBEXAMPLE" && a.RequiredApprovals == 2);
    }

    [Fact]
    public async Task Recommend_SameDossierTwice_SameDigestAndSameOutput()
    {
        var first = await Scenarios.RecommendAsync("mimikatz-workstation");
        var second = await Scenarios.RecommendAsync("mimikatz-workstation");

        Assert.Equal(first.InputDigest, second.InputDigest);
        Assert.Equal(RecommendationJson.Serialize(first with { Id = "x" }), RecommendationJson.Serialize(second with { Id = "x" }));
    }

    [Fact]
    public async Task Recommend_EveryProposedAction_IsInTheCatalogue()
    {
        var catalogue = Vigil.Pipeline.Respond.ActionCatalogueLoader.LoadDefault();
        foreach (var scenario in Scenarios.Set)
        {
            var r = await Scenarios.RecommendAsync(scenario.Id);
            Assert.All(r.ProposedActions, a => Assert.True(catalogue.Contains(a.Type), $"{scenario.Id}: {a.Type}"));
        }
    }
}
