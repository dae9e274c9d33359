using Vigil.Pipeline.Enrich.Intel;
using Vigil.Pipeline.Enrich.Intel.Misp;
using Vigil.Pipeline.Tests.Enrich.Fixtures;

namespace Vigil.Pipeline.Tests.Enrich.Intel;

public sealed class MispImporterTests
{
    private static readonly IndicatorImport Result = MispImporter.Import(MispFixtures.Event, "misp");

    private static Indicator Only(string value) => Assert.Single(Result.Indicators, i => i.Value == value);

    [Fact]
    public void Import_Event_ReadsAttributesAndObjectAttributes()
    {
        Assert.Equal(12, Result.Report.Read);
        Assert.Equal(
            ["198.51.100.10", "203.0.113.5", "cdn.qak.example", "198.51.100.11", "stage2.qak.example", "http://dl.qak.example/invoice.zip",
             "invoices@qak.example", "aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f", "44d88612fea8a8f36de82e1278abb02f"],
            Result.Indicators.Select(i => i.Value));
    }

    [Fact]
    public void Import_Attribute_CarriesOrgEventInfoTagsAndTimes()
    {
        var indicator = Only("198.51.100.10");

        Assert.Equal("CIRCL", indicator.Source);
        Assert.Equal("a0000000-0000-4000-8000-000000000001", indicator.OriginId);
        Assert.Equal("Qakbot distribution wave — C2", indicator.Description);
        Assert.Equal(["tlp:amber", "misp-galaxy:malpedia=\"QakBot\"", "kill-chain:command-and-control"], indicator.Labels);
        Assert.Equal(new DateTimeOffset(2026, 11, 19, 22, 0, 0, TimeSpan.Zero), indicator.FirstSeen);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1763640000), indicator.LastSeen);
        Assert.Equal(75, indicator.Confidence);
    }

    [Fact]
    public void Import_CompositeTypes_SplitIntoTheirIndicatorParts()
    {
        Assert.Equal(IndicatorType.Ip, Only("203.0.113.5").Type);
        Assert.Equal(IndicatorType.Domain, Only("cdn.qak.example").Type);
        Assert.Equal(IndicatorType.Ip, Only("198.51.100.11").Type);
        Assert.Equal(IndicatorType.Sha256, Only("aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f").Type);
        Assert.Equal("Qakbot distribution wave — file", Only("44d88612fea8a8f36de82e1278abb02f").Description);
    }

    [Theory]
    [InlineData("a0000000-0000-4000-8000-000000000007", "deleted")]
    [InlineData("a0000000-0000-4000-8000-000000000008", "to_ids false")]
    [InlineData("a0000000-0000-4000-8000-000000000009", "'regkey' is not matched")]
    [InlineData("c0000000-0000-4000-8000-000000000003", "to_ids false")]
    public void Import_SkippedAttribute_IsReportedWithReason(string uuid, string reason)
    {
        var skip = Assert.Single(Result.Report.Skipped, s => s.Location == uuid);

        Assert.Contains(reason, skip.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_IncludeNonIds_KeepsContextAttributesWithLowerConfidence()
    {
        var result = MispImporter.Import(MispFixtures.Event, "misp", new MispImportOptions { IncludeNonIds = true });

        var reference = Assert.Single(result.Indicators, i => i.Value == "benign-reference.example");
        Assert.Equal(30, reference.Confidence);
    }

    [Fact]
    public void Import_ListOfEventsAndResponseWrapper_ReadTheSameAsOneEvent()
    {
        var list = MispImporter.Import("[" + MispFixtures.Event + "]", "misp");
        var wrapped = MispImporter.Import("{\"response\": [" + MispFixtures.Event + "]}", "misp");

        var expected = Result.Indicators.Select(i => (i.Type, i.Value, i.OriginId, i.Source, i.Description)).ToList();
        Assert.Equal(expected, list.Indicators.Select(i => (i.Type, i.Value, i.OriginId, i.Source, i.Description)));
        Assert.Equal(expected, wrapped.Indicators.Select(i => (i.Type, i.Value, i.OriginId, i.Source, i.Description)));
    }

    [Fact]
    public void Import_AttributeSearchResponse_ReadsLooseAttributes()
    {
        var result = MispImporter.Import(MispFixtures.AttributeSearch, "misp-search");

        Assert.Equal([IndicatorType.Sha1, IndicatorType.Cidr], result.Indicators.Select(i => i.Type));
        Assert.Equal("10.20.0.0/16", result.Indicators[1].Value);
        Assert.Equal("misp-search", result.Indicators[0].Source);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("{\"nothing\": true}")]
    public void Import_NotAnEvent_ReportsInsteadOfThrowing(string json)
    {
        var result = MispImporter.Import(json, "misp");

        Assert.Empty(result.Indicators);
        Assert.Single(result.Report.Skipped);
    }

    [Fact]
    public void Import_InvalidValue_IsSkippedWithTheAttributeType()
    {
        var result = MispImporter.Import("""{"Event": {"Attribute": [{"uuid": "x", "type": "ip-dst", "value": "999.1.1.1", "to_ids": true}]}}""", "misp");

        Assert.Contains("'999.1.1.1' is not a valid ip (ip-dst)", Assert.Single(result.Report.Skipped).Reason, StringComparison.Ordinal);
    }
}
