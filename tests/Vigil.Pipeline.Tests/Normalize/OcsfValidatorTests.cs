using System.Text.Json.Nodes;
using Vigil.Pipeline.Normalize.Ocsf;

namespace Vigil.Pipeline.Tests.Normalize;

public sealed class OcsfValidatorTests
{
    private static JsonObject ValidDetectionFinding() => new()
    {
        ["class_uid"] = 2004,
        ["category_uid"] = 2,
        ["activity_id"] = 1,
        ["type_uid"] = 200401,
        ["time"] = 1767225600000,
        ["severity_id"] = 3,
        ["metadata"] = new JsonObject { ["version"] = "1.8.0", ["product"] = new JsonObject { ["name"] = "x" } },
        ["finding_info"] = new JsonObject { ["uid"] = "f-1", ["title"] = "t" },
    };

    [Fact]
    public void Validate_CompleteDetectionFinding_HasNoErrors()
    {
        var findings = OcsfValidator.Embedded.Validate(ValidDetectionFinding());

        Assert.DoesNotContain(findings, f => f.Level == OcsfFindingLevel.Error);
    }

    [Fact]
    public void Validate_MissingRequiredFindingInfo_ReportsIt()
    {
        var ocsf = ValidDetectionFinding();
        ocsf.Remove("finding_info");

        var findings = OcsfValidator.Embedded.Validate(ocsf);

        Assert.Contains(findings, f => f.Level == OcsfFindingLevel.Error && f.Attribute == "finding_info" && f.Problem.Contains("required", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ActivityOutsideClassEnum_ReportsBadEnum()
    {
        var ocsf = ValidDetectionFinding();
        ocsf["activity_id"] = 7;
        ocsf["type_uid"] = 200407;

        var findings = OcsfValidator.Embedded.Validate(ocsf);

        Assert.Contains(findings, f => f.Level == OcsfFindingLevel.Error && f.Attribute == "activity_id");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(99)]
    public void Validate_UniversalUnknownAndOtherActivities_AreAccepted(int activityId)
    {
        var ocsf = ValidDetectionFinding();
        ocsf["activity_id"] = activityId;
        ocsf["type_uid"] = 200400 + activityId;

        var findings = OcsfValidator.Embedded.Validate(ocsf);

        Assert.DoesNotContain(findings, f => f.Level == OcsfFindingLevel.Error);
    }

    [Fact]
    public void Validate_SeverityOutsideEnum_ReportsBadEnum()
    {
        var ocsf = ValidDetectionFinding();
        ocsf["severity_id"] = 8;

        Assert.Contains(OcsfValidator.Embedded.Validate(ocsf), f => f.Attribute == "severity_id");
    }

    [Fact]
    public void Validate_UnknownClass_ReportsClassUid()
    {
        var ocsf = ValidDetectionFinding();
        ocsf["class_uid"] = 2099;

        var finding = Assert.Single(OcsfValidator.Embedded.Validate(ocsf));

        Assert.Equal("class_uid", finding.Attribute);
    }

    [Fact]
    public void Validate_InconsistentTypeUidAndWrongKinds_AreErrors()
    {
        var ocsf = ValidDetectionFinding();
        ocsf["type_uid"] = 300201;
        ocsf["time"] = "yesterday";
        ocsf["finding_info"] = "not an object";

        var attributes = OcsfValidator.Embedded.Validate(ocsf).Where(f => f.Level == OcsfFindingLevel.Error).Select(f => f.Attribute).ToList();

        Assert.Contains("type_uid", attributes);
        Assert.Contains("time", attributes);
        Assert.Contains("finding_info", attributes);
    }

    [Fact]
    public void Validate_AttributeTheClassLacks_IsAWarning()
    {
        var ocsf = ValidDetectionFinding();
        ocsf["query"] = new JsonObject { ["hostname"] = "example.org" };

        var finding = Assert.Single(OcsfValidator.Embedded.Validate(ocsf));

        Assert.Equal(OcsfFindingLevel.Warning, finding.Level);
    }

    [Fact]
    public void Apply_MappingThatOmitsRequiredAttribute_FailsWithValidationReason()
    {
        var yaml = InlineMapping.Header + "fields:\n  message: text\n";

        var result = InlineMapping.Apply(yaml, """{"kind":"test","at":"2026-01-01T00:00:00Z","text":"hello"}""");

        Assert.False(result.Succeeded);
        Assert.Contains("finding_info", result.Failure, StringComparison.Ordinal);
        Assert.NotNull(result.Event);
    }
}
