using Vigil.Domain;
using Vigil.Domain.Cases;
using Vigil.Domain.Entities;
using Vigil.Domain.Ledger;
using Vigil.Pipeline.Recommend;

namespace Vigil.Storage.Tests.Compliance;

public abstract partial class StoreCompliance
{
    private static Recommendation NewRecommendation(string caseId, Severity severity, DateTimeOffset at) => new()
    {
        Id = RecommendationIds.New(at),
        CaseId = caseId,
        Model = BuiltInAnalyst.ModelName,
        CreatedAt = at,
        InputDigest = new string('a', 64),
        Severity = severity,
        Confidence = 0.83,
        Disposition = Disposition.TruePositive,
        TruePositiveProbability = 0.91,
        Features = [new FeatureContribution { Name = FeatureNames.ThreatIntel, Value = 1, Weight = 1.6, Explanation = "listed", EvidenceIds = ["enr_1"] }],
        Summary = "summary with <b>markup</b> and 🔒",
        Hypothesis = "Credential dumping on dc-01",
        Claims = [new Claim { Text = "claim", EvidenceIds = ["alr_1"], Supported = true }],
        ProposedActions =
        [
            new ProposedAction
            {
                Type = "host.isolate",
                Title = "Isolate",
                Inputs = new Dictionary<string, string> { ["host"] = "dc-01" },
                Rationale = "contain",
                BlastRadius = Vigil.Domain.Actions.BlastRadius.Medium,
                RequiredApprovals = 1,
                Impact = new PredictedImpact { Target = "dc-01", Production = true, UsersAffected = ["alice"], Summary = "cuts dc-01 off" },
            },
        ],
        Verification = new CitationReport { Claims = 1, SupportedClaims = 1 },
    };

    [Fact]
    public async Task InsertRecommendation_TwoVersions_LatestAndEachVersionReadBack()
    {
        await using var db = await OpenStoreAsync();
        var @case = NewCase();
        await CommitAsync(db.Store, tx => tx.InsertCaseAsync(@case, Ct));

        var first = await CommitAsync(db.Store, async tx =>
        {
            await tx.GetCaseForUpdateAsync(@case.Id, Ct);
            return await tx.InsertRecommendationAsync(NewRecommendation(@case.Id, Severity.High, T0), Ct);
        });
        var second = await CommitAsync(db.Store, async tx =>
        {
            await tx.GetCaseForUpdateAsync(@case.Id, Ct);
            return await tx.InsertRecommendationAsync(NewRecommendation(@case.Id, Severity.Critical, T0.AddMinutes(5)), Ct);
        });

        Assert.Equal(1, first.Version);
        Assert.Equal(2, second.Version);
        var latest = await db.Store.GetRecommendationAsync(@case.Id, null, Ct);
        Assert.Equal(RecommendationJson.Serialize(second), RecommendationJson.Serialize(latest!));
        Assert.Equal(Severity.High, (await db.Store.GetRecommendationAsync(@case.Id, 1, Ct))!.Severity);
        Assert.Null(await db.Store.GetRecommendationAsync(@case.Id, 3, Ct));
        Assert.Null(await db.Store.GetRecommendationAsync("cas_none", null, Ct));
        var versions = await db.Store.ListRecommendationVersionsAsync(@case.Id, Ct);
        Assert.Equal([1, 2], versions.Select(v => v.Version));
        Assert.Equal(Micros(T0.AddMinutes(5)), versions[1].CreatedAt);
        Assert.Equal(Disposition.TruePositive, versions[1].Disposition);
        Assert.Equal(0.83, versions[1].Confidence);
    }

    [Fact]
    public async Task InsertRecommendation_RolledBack_LeavesNoVersion()
    {
        await using var db = await OpenStoreAsync();
        var @case = NewCase();
        await CommitAsync(db.Store, tx => tx.InsertCaseAsync(@case, Ct));

        await using (var tx = await db.Store.BeginAsync(Ct))
        {
            await tx.InsertRecommendationAsync(NewRecommendation(@case.Id, Severity.High, T0), Ct);
        }

        Assert.Empty(await db.Store.ListRecommendationVersionsAsync(@case.Id, Ct));
    }

    [Fact]
    public async Task DetectorRecordsAndPriorCases_FromClosedCasesSharingEntities()
    {
        await using var db = await OpenStoreAsync();
        var host = Entity.Create(EntityType.Host, "ws-1");
        var cases = new List<Case>();
        // Three closed cases with the same detector and host (two true positives, one false positive), one open case.
        for (var i = 0; i < 4; i++)
        {
            var @case = NewCase($"Case {i}");
            var alert = NewAlert($"d-{i}", entities: host) with { Title = "Mimikatz" };
            await CommitAsync(db.Store, async tx =>
            {
                await tx.InsertCaseAsync(@case, Ct);
                await tx.UpsertAlertAsync(alert, Ct);
                await tx.AttachAlertAsync(Link(@case, alert), alert, Ct);
            });
            cases.Add(@case);
        }

        var classifications = new[] { Classification.TruePositive, Classification.TruePositive, Classification.FalsePositive };
        for (var i = 0; i < 3; i++)
        {
            var closed = CaseLifecycle.Close(cases[i], new CaseClosure(classifications[i], "done", null), T0.AddHours(i + 1)).After!;
            await CommitAsync(db.Store, async tx =>
            {
                await tx.GetCaseForUpdateAsync(closed.Id, Ct);
                Assert.True(await tx.UpdateCaseAsync(closed, cases[i].Version, Ct));
                await tx.AppendLedgerAsync(closed.Id, LedgerKinds.Closed, Actor.Human("alice"), T0, "{}", Ct);
            });
        }

        var records = await db.Store.GetDetectorRecordsAsync(["edr", "other"], Ct);
        var record = Assert.Single(records);
        Assert.Equal("edr:Mimikatz", record.Detector);
        Assert.Equal(2, record.TruePositives);
        Assert.Equal(1, record.FalsePositives);
        Assert.Empty(await db.Store.GetDetectorRecordsAsync(["other"], Ct));

        var priors = await db.Store.FindPriorCasesAsync(cases[3].Id, 2, Ct);
        Assert.Equal([cases[2].Id, cases[1].Id], priors.Select(p => p.CaseId));
        Assert.Equal(Classification.FalsePositive, priors[0].Classification);
        Assert.Equal(["host:ws-1"], priors[0].SharedEntities);
        Assert.Equal(Micros(T0.AddHours(3)), priors[0].ClosedAt);
    }
}
