using Vigil.Pipeline.Ingest.Syslog;

namespace Vigil.Pipeline.Tests.Ingest.Syslog;

/// <summary>Records written from IBM's LEEF 1.0 and 2.0 format descriptions.</summary>
public sealed class LeefParserTests
{
    [Fact]
    public void TryParse_Leef1_SplitsAttributesOnTabs()
    {
        Assert.True(LeefParser.TryParse("LEEF:1.0|Microsoft|MSExchange|4.0 SP1|15345|src=192.0.2.0\tdst=172.50.123.1\tsev=5\tcat=anomaly\tmsg=there are spaces in this message", out var record, out var error), error);

        Assert.Equal(("1.0", "Microsoft", "MSExchange", "4.0 SP1", "15345"),
            ((string)record["leef_version"]!, (string)record["device_vendor"]!, (string)record["device_product"]!, (string)record["device_version"]!, (string)record["event_id"]!));
        Assert.Equal("172.50.123.1", (string)record["attributes"]!["dst"]!);
        Assert.Equal("there are spaces in this message", (string)record["attributes"]!["msg"]!);
    }

    [Theory]
    [InlineData("^", "^")]
    [InlineData("x5E", "^")]
    [InlineData("0x5e", "^")]
    [InlineData("x09", "\t")]
    [InlineData("", "\t")]
    public void TryParse_Leef2Delimiter_IsCharacterOrHex(string delimiter, string used)
    {
        var text = $"LEEF:2.0|Lancope|StealthWatch|1.0|41|{delimiter}|src=10.0.1.8{used}dst=10.0.0.5{used}url=https://x.example/?a=b";

        Assert.True(LeefParser.TryParse(text, out var record, out var error), error);

        var attributes = record["attributes"]!.AsObject();
        Assert.Equal(("10.0.1.8", "10.0.0.5", "https://x.example/?a=b"), ((string)attributes["src"]!, (string)attributes["dst"]!, (string)attributes["url"]!));
    }

    [Fact]
    public void TryParse_TooFewHeaderFields_SaysWhy()
    {
        Assert.False(LeefParser.TryParse("LEEF:1.0|V|P", out _, out var error));
        Assert.Contains("of its 5", error, StringComparison.Ordinal);
    }
}
