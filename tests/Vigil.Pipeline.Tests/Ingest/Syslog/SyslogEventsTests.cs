using Vigil.Domain;
using Vigil.Pipeline.Ingest.Syslog;
using Vigil.Pipeline.Normalize;

namespace Vigil.Pipeline.Tests.Ingest.Syslog;

/// <summary>Syslog messages into the JSON the shipped mappings read (content/mappings/cef.yaml for CEF).</summary>
public sealed class SyslogEventsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Read_CefOverRfc3164_NormalisesWithTheCefMapping()
    {
        const string line = "<134>Nov 23 10:00:00 fw01 CEF:0|Acme|Firewall|2.1|4001|Port scan detected|7|src=203.0.113.5 dst=10.0.0.8 suser=bob smith msg=many ports";

        var read = SyslogEvents.Read(1, line, Now, "test");
        var result = MappingCatalog.Load().Normalize(MappingCatalog.Auto, read.Element!.Value, read.Raw);

        Assert.True(result.Succeeded, result.Failure);
        var normalized = result.Event!;
        Assert.Equal("cef", normalized.Source);
        Assert.Equal(Severity.High, normalized.Severity);
        Assert.Equal(line, normalized.Raw);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero), normalized.Time);
        Assert.Contains(normalized.Entities, e => e.Key == "ip:203.0.113.5");
        Assert.Equal("fw01", (string)read.Element.Value.GetProperty("syslog").GetProperty("host").GetString()!);
    }

    [Fact]
    public void Read_Rfc5424PlainMessage_CarriesTheHeader()
    {
        var read = SyslogEvents.Read(3, "<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut=\"3\"] hello", Now, "test");

        var root = read.Element!.Value;
        Assert.Equal("hello", root.GetProperty("message").GetString());
        var syslog = root.GetProperty("syslog");
        Assert.Equal(("rfc5424", "local4", "notice", "evntslog", "ID47"),
            (syslog.GetProperty("format").GetString(), syslog.GetProperty("facility").GetString(), syslog.GetProperty("severity").GetString(),
             syslog.GetProperty("app_name").GetString(), syslog.GetProperty("msgid").GetString()));
        Assert.Equal("3", syslog.GetProperty("structured_data").GetProperty("exampleSDID@32473").GetProperty("iut").GetString());
    }

    [Fact]
    public void Read_Unparseable_ComesBackWithSenderAndReason()
    {
        var read = SyslogEvents.Read(2, "<999>garbage", Now, "udp 127.0.0.1:4000");

        Assert.Null(read.Element);
        Assert.StartsWith("syslog from udp 127.0.0.1:4000: malformed priority", read.Error, StringComparison.Ordinal);
        Assert.Equal("<999>garbage", read.Raw);
    }
}
