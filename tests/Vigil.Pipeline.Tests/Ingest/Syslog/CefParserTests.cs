using System.Text.Json.Nodes;
using Vigil.Pipeline.Ingest.Syslog;

namespace Vigil.Pipeline.Tests.Ingest.Syslog;

/// <summary>Records written from the ArcSight CEF format description: header escapes, extension escapes, values with spaces.</summary>
public sealed class CefParserTests
{
    private static JsonObject Parse(string text)
    {
        Assert.True(CefParser.TryParse(text, out var record, out var error), error);
        return record;
    }

    [Fact]
    public void TryParse_HeaderAndExtension_FillTheMappingShape()
    {
        var record = Parse("CEF:0|Security|threatmanager|1.0|100|worm successfully stopped|10|src=10.0.0.1 dst=2.1.2.2 spt=1232");

        Assert.Equal(0, (int)record["cef_version"]!);
        Assert.Equal(("Security", "threatmanager", "1.0", "100", "worm successfully stopped", "10"),
            ((string)record["device_vendor"]!, (string)record["device_product"]!, (string)record["device_version"]!,
             (string)record["signature_id"]!, (string)record["name"]!, (string)record["severity"]!));
        var extensions = record["extensions"]!.AsObject();
        Assert.Equal(("10.0.0.1", "2.1.2.2", "1232"), ((string)extensions["src"]!, (string)extensions["dst"]!, (string)extensions["spt"]!));
    }

    [Fact]
    public void TryParse_EscapedPipeAndBackslashInHeader_AreLiteral()
    {
        var record = Parse(@"CEF:0|security|threat\|manager|1.0|100|detected a \\ in packet|10|src=10.0.0.1");

        Assert.Equal("threat|manager", (string)record["device_product"]!);
        Assert.Equal(@"detected a \ in packet", (string)record["name"]!);
    }

    [Fact]
    public void TryParse_ExtensionEscapesAndSpaces_ReadWholeValues()
    {
        var record = Parse(@"CEF:0|V|P|1|42|n|5|msg=Detected a threat. No action needed a\=b and c\\d\nnext act=blocked request=https://x.example/p?a=b&c=d suser=bob smith");

        var extensions = record["extensions"]!.AsObject();
        Assert.Equal("Detected a threat. No action needed a=b and c\\d\nnext", (string)extensions["msg"]!);
        Assert.Equal("blocked", (string)extensions["act"]!);
        Assert.Equal("https://x.example/p?a=b&c=d", (string)extensions["request"]!);
        Assert.Equal("bob smith", (string)extensions["suser"]!);
    }

    [Fact]
    public void TryParse_NoExtensionNorTrailingPipe_ReadsTheHeader()
    {
        var record = Parse("CEF:1|V|P|1|42|name|High");

        Assert.Equal(1, (int)record["cef_version"]!);
        Assert.Equal("High", (string)record["severity"]!);
        Assert.Empty(record["extensions"]!.AsObject());
    }

    [Fact]
    public void TryParse_PipeInExtension_IsPartOfTheValue()
    {
        var record = Parse("CEF:0|V|P|1|42|n|Low|cs1=a|b cs1Label=pipes");

        Assert.Equal("Low", (string)record["severity"]!);
        Assert.Equal("a|b", (string)record["extensions"]!["cs1"]!);
        Assert.Equal("pipes", (string)record["extensions"]!["cs1Label"]!);
    }

    [Theory]
    [InlineData("CEF:0|V|P|1|42|n", "5 of its 7")]
    [InlineData("CEF:x|V|P|1|42|n|5|", "not a number")]
    [InlineData("LEEF:1.0|V|P|1|42|", "not a CEF record")]
    public void TryParse_Malformed_SaysWhy(string text, string reason)
    {
        Assert.False(CefParser.TryParse(text, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }
}
