using Vigil.Domain;
using Vigil.Domain.Entities;

namespace Vigil.Pipeline.Tests.Normalize;

public sealed class MsGraphSecurityAlertMappingTests
{
    private const string Source = "msgraph_security_alert";
    private const string File = "msgraph_security_alert.json";

    [Fact]
    public void Apply_DefenderAlert_IsDetectionFindingUpdate()
    {
        var result = Payloads.Normalize(Source, File);

        Assert.True(result.Succeeded, result.Failure);
        var normalized = result.Event!;
        Assert.Equal(2004, normalized.Class.ClassUid);
        Assert.Equal(2, normalized.ActivityId);
        Assert.Equal(200402, normalized.TypeUid);
        Assert.Equal(Severity.High, normalized.Severity);
        Assert.Equal("Credential dumping tool detected", normalized.Title);
        Assert.Equal("da638412345678901234_1122334455", normalized.SourceRef);
        Assert.Equal(DateTimeOffset.Parse("2026-03-02T09:00:00.5Z", System.Globalization.CultureInfo.InvariantCulture), normalized.Time);
    }

    [Fact]
    public void Apply_DefenderAlert_MapsFindingInfoAndEvidence()
    {
        var ocsf = Payloads.Normalize(Source, File).Event!.Ocsf;

        Assert.Equal("da638412345678901234_1122334455", ocsf.Text("finding_info.uid"));
        Assert.Equal("T1003.001", ocsf.Text("finding_info.attacks.0.technique.uid"));
        Assert.Equal("T1003", ocsf.Text("finding_info.attacks.1.technique.uid"));
        Assert.Equal("CredentialAccess", ocsf.Text("finding_info.types.0"));
        Assert.Equal("WKS-042.contoso.example", ocsf.Text("evidences.0.device.hostname"));
        Assert.Equal("mimi.exe", ocsf.Text("evidences.1.process.file.name"));
        Assert.Equal("3", ocsf.Text("evidences.1.process.file.hashes.0.algorithm_id"));
        Assert.Equal("203.0.113.77", ocsf.Text("evidences.2.src_endpoint.ip"));
        Assert.Equal("2", ocsf.Text("status_id"));
    }

    [Fact]
    public void Apply_DefenderAlert_ExtractsEntities()
    {
        var entities = Payloads.Normalize(Source, File).Event!.Entities.Select(e => e.Key).ToList();

        Assert.Contains("host:wks-042.contoso.example", entities);
        Assert.Contains("ip:10.20.30.40", entities);
        Assert.Contains("ip:203.0.113.77", entities);
        Assert.Contains("file_hash:0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0", entities);
        Assert.Contains("user:jdoe@contoso.example", entities);
        Assert.Contains(Entity.Create(EntityType.Rule, "7f1c2b3a-0d4e-4f5a-9b6c-1d2e3f4a5b6c").Key, entities);
    }

    [Fact]
    public void Apply_DefenderAlert_KeepsUnknownFieldsUnmapped()
    {
        var result = Payloads.Normalize(Source, File);

        var unmapped = result.Event!.Unmapped!;
        Assert.Equal("truePositive", unmapped.Text("classification"));
        Assert.Equal("Mimikatz", unmapped.Text("threatFamilyName"));
        Assert.Equal("HackTool:Win64/Mimikatz", unmapped.Text("threatDisplayName"));
        Assert.DoesNotContain("classification", result.Drift.NewFields);
        Assert.DoesNotContain(result.Findings, f => f.Level == Vigil.Pipeline.Normalize.Ocsf.OcsfFindingLevel.Error);
    }
}
