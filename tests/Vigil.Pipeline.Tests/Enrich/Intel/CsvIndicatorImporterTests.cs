using Vigil.Pipeline.Enrich.Intel;

namespace Vigil.Pipeline.Tests.Enrich.Intel;

public sealed class CsvIndicatorImporterTests
{
    private static IndicatorImport Import(string csv) => CsvIndicatorImporter.Import(new StringReader(csv), "list.csv");

    [Fact]
    public void Import_HeaderDriven_ReadsColumnsByNameInAnyOrderAndCase()
    {
        var result = Import("""
            Value,TYPE,Confidence,Source,First_Seen,Last_Seen,Expires,Description,Labels
            198.51.100.7,ip,90,abuse.ch,2026-11-01,2026-11-20T10:00:00Z,2026-12-31,"Emotet C2, epoch 5",emotet;c2
            """);

        var indicator = Assert.Single(result.Indicators);
        Assert.Equal(IndicatorType.Ip, indicator.Type);
        Assert.Equal(90, indicator.Confidence);
        Assert.Equal("abuse.ch", indicator.Source);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), indicator.FirstSeen);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero), indicator.LastSeen);
        Assert.Equal(new DateTimeOffset(2026, 12, 31, 0, 0, 0, TimeSpan.Zero), indicator.ValidUntil);
        Assert.Equal("Emotet C2, epoch 5", indicator.Description);
        Assert.Equal(["emotet", "c2"], indicator.Labels);
        Assert.Equal("list.csv:2", indicator.OriginId);
    }

    [Fact]
    public void Import_HeaderWithoutTypeOrSource_InfersTypeAndUsesTheListName()
    {
        var result = Import("""
            value,comment
            evil.example,x
            10.0.0.0/8,y
            """);

        Assert.Equal([IndicatorType.Domain, IndicatorType.Cidr], result.Indicators.Select(i => i.Type));
        Assert.All(result.Indicators, i => Assert.Equal("list.csv", i.Source));
        Assert.All(result.Indicators, i => Assert.Equal(50, i.Confidence));
    }

    [Fact]
    public void Import_IocColumnAndQuotedMultilineDescription_AreRead()
    {
        var result = Import(""""
            IOC,Description
            evil.example,"first line
            second, with comma and ""quotes"""
            198.51.100.1,x
            """");

        Assert.Equal(["evil.example", "198.51.100.1"], result.Indicators.Select(i => i.Value));
        Assert.Equal("first line\nsecond, with comma and \"quotes\"", result.Indicators[0].Description);
        Assert.Equal("list.csv:4", result.Indicators[1].OriginId);
    }

    [Fact]
    public void Import_BadRows_AreSkippedWithLineAndReason()
    {
        var result = Import("""
            type,value,confidence,expires
            ip,not-an-ip,50,
            colour,blue,50,
            domain,ok.example,150,
            domain,ok.example,50,someday
            md5,abc,50,
            hash,3395856ce81f2b7382dee72602f798b642f14140,50,
            ip,10.1.2.3/16,50,
            """);

        Assert.Equal(7, result.Report.Read);
        Assert.Equal(
            ["list.csv:2", "list.csv:3", "list.csv:4", "list.csv:5", "list.csv:6"],
            result.Report.Skipped.Select(s => s.Location));
        Assert.Contains("unknown indicator type 'colour'", result.Report.Skipped[1].Reason, StringComparison.Ordinal);
        Assert.Contains("0 to 100", result.Report.Skipped[2].Reason, StringComparison.Ordinal);
        Assert.Contains("expires 'someday'", result.Report.Skipped[3].Reason, StringComparison.Ordinal);
        Assert.Equal([IndicatorType.Sha1, IndicatorType.Cidr], result.Indicators.Select(i => i.Type));
        Assert.Equal("10.1.0.0/16", result.Indicators[1].Value);
    }

    [Fact]
    public void Import_SingleColumnList_InfersEveryType()
    {
        var result = Import("""
            # exported block list
            198.51.100.7
            2001:db8::1
            203.0.113.0/24
            Evil.Example
            hxxps://evil[.]example/login
            44d88612fea8a8f36de82e1278abb02f
            3395856ce81f2b7382dee72602f798b642f14140
            aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f
            mallory@evil.example

            just-a-word
            """);

        Assert.Equal(
            [IndicatorType.Ip, IndicatorType.Ip, IndicatorType.Cidr, IndicatorType.Domain, IndicatorType.Url,
             IndicatorType.Md5, IndicatorType.Sha1, IndicatorType.Sha256, IndicatorType.Email],
            result.Indicators.Select(i => i.Type));
        Assert.Equal("https://evil.example/login", result.Indicators[4].Value);
        Assert.Equal("list.csv:12", Assert.Single(result.Report.Skipped).Location);
        Assert.Equal(10, result.Report.Read);
        Assert.Equal(2, result.Report.ByType[IndicatorType.Ip]);
    }

    [Theory]
    [InlineData("1", false)]
    [InlineData("1.2.3", false)]
    [InlineData("1.2.3.4", true)]
    [InlineData("a.b", true)]
    [InlineData("example", false)]
    [InlineData("1.2.3.400", false)]
    [InlineData("-bad-.example", false)]
    public void TryInfer_ShorthandAndBareWords_AreNotIndicators(string text, bool expected)
    {
        Assert.Equal(expected, IndicatorValues.TryInfer(text, out _, out _));
    }
}
