using Vigil.Pipeline.Ingest.Syslog;

namespace Vigil.Pipeline.Tests.Ingest.Syslog;

/// <summary>The message examples of RFC 5424 §6.5 and RFC 3164 §5.4, written out as test data.</summary>
public sealed class SyslogParserTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static SyslogMessage Parse(string text)
    {
        Assert.True(SyslogParser.TryParse(text, Now, out var message, out var error), error);
        return message;
    }

    [Fact]
    public void TryParse_Rfc5424Example1_ReadsHeaderAndBomMessage()
    {
        var message = Parse("<34>1 2003-10-11T22:14:15.003Z mymachine.example.com su - ID47 - \uFEFF'su root' failed for lonvick on /dev/pts/8");

        Assert.Equal(SyslogFormat.Rfc5424, message.Format);
        Assert.Equal((4, 2), (message.Facility, message.Severity));
        Assert.Equal(new DateTimeOffset(2003, 10, 11, 22, 14, 15, 3, TimeSpan.Zero), message.Timestamp);
        Assert.Equal(("mymachine.example.com", "su", null, "ID47"), (message.Hostname, message.AppName, message.ProcId, message.MsgId));
        Assert.Equal("'su root' failed for lonvick on /dev/pts/8", message.Message);
    }

    [Fact]
    public void TryParse_Rfc5424Example2_KeepsTheOffsetInstant()
    {
        var message = Parse("<165>1 2003-08-24T05:14:15.000003-07:00 192.0.2.1 myproc 8710 - - %% It's time to make the do-nuts.");

        Assert.Equal((20, 5), (message.Facility, message.Severity));
        Assert.Equal(new DateTimeOffset(2003, 8, 24, 12, 14, 15, TimeSpan.Zero).AddTicks(30), message.Timestamp);
        Assert.Equal(("192.0.2.1", "myproc", "8710", null), (message.Hostname, message.AppName, message.ProcId, message.MsgId));
        Assert.Equal("%% It's time to make the do-nuts.", message.Message);
    }

    [Fact]
    public void TryParse_Rfc5424Example3_ReadsStructuredData()
    {
        var message = Parse("<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut=\"3\" eventSource=\"Application\" eventID=\"1011\"] \uFEFFAn application event log entry...");

        var element = message.StructuredData["exampleSDID@32473"];
        Assert.Equal("3", element["iut"]);
        Assert.Equal("Application", element["eventSource"]);
        Assert.Equal("1011", element["eventID"]);
        Assert.Equal("An application event log entry...", message.Message);
    }

    [Fact]
    public void TryParse_Rfc5424Example4_TwoElementsAndNoMessage()
    {
        var message = Parse("<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut=\"3\" eventSource=\"Application\" eventID=\"1011\"][examplePriority@32473 class=\"high\"]");

        Assert.Equal(2, message.StructuredData.Count);
        Assert.Equal("high", message.StructuredData["examplePriority@32473"]["class"]);
        Assert.Equal(string.Empty, message.Message);
    }

    [Fact]
    public void TryParse_StructuredDataEscapes_AreUndone()
    {
        var message = Parse("<14>1 - host app - - [x@1 v=\"a \\\"quoted\\\" \\] and \\\\ slash\"] m");

        Assert.Equal("a \"quoted\" ] and \\ slash", message.StructuredData["x@1"]["v"]);
        Assert.Null(message.Timestamp);
    }

    [Fact]
    public void TryParse_Rfc3164Example_ReadsTimeHostTagAndMessage()
    {
        var message = Parse("<34>Oct 11 22:14:15 mymachine su: 'su root' failed for lonvick on /dev/pts/8");

        Assert.Equal(SyslogFormat.Rfc3164, message.Format);
        Assert.Equal((4, 2), (message.Facility, message.Severity));
        Assert.Equal(new DateTimeOffset(2026, 10, 11, 22, 14, 15, TimeSpan.Zero), message.Timestamp);
        Assert.Equal(("mymachine", "su"), (message.Hostname, message.AppName));
        Assert.Equal("'su root' failed for lonvick on /dev/pts/8", message.Message);
    }

    [Fact]
    public void TryParse_Rfc3164WithPidAndPaddedDay_ReadsProcId()
    {
        var message = Parse("<13>Feb  5 17:32:18 10.0.0.99 sshd[4721]: Accepted publickey for alice");

        Assert.Equal(new DateTimeOffset(2026, 2, 5, 17, 32, 18, TimeSpan.Zero), message.Timestamp);
        Assert.Equal(("10.0.0.99", "sshd", "4721"), (message.Hostname, message.AppName, message.ProcId));
        Assert.Equal("Accepted publickey for alice", message.Message);
    }

    [Fact]
    public void TryParse_Rfc3164DecemberReadInJanuary_IsLastYear()
    {
        Assert.True(SyslogParser.TryParse("<13>Dec 31 23:59:59 h t: m", new DateTimeOffset(2027, 1, 1, 0, 0, 5, TimeSpan.Zero), out var message, out _));

        Assert.Equal(2026, message.Timestamp!.Value.Year);
    }

    [Fact]
    public void TryParse_Rfc3164WithoutTimestamp_KeepsTheWholeRemainderAsMessage()
    {
        // RFC 3164 §5.4 example 2: "Use the BFG!" with no header.
        var message = Parse("<13>Use the BFG!");

        Assert.Null(message.Timestamp);
        Assert.Null(message.Hostname);
        Assert.Equal("Use the BFG!", message.Message);
    }

    [Fact]
    public void TryParse_Rfc3164WithCefPayload_DoesNotTakeCefAsTheTag()
    {
        var message = Parse("<134>Nov 23 10:00:00 fw01 CEF:0|Vendor|Product|1.0|100|Blocked|5|src=10.0.0.1");

        Assert.Equal("fw01", message.Hostname);
        Assert.Null(message.AppName);
        Assert.StartsWith("CEF:0|Vendor", message.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "empty message")]
    [InlineData("no priority here", "no <PRI>")]
    [InlineData("<192>1 - - - - - -", "malformed priority")]
    [InlineData("<abc>x", "malformed priority")]
    [InlineData("<13>1 2003-13-45T99:00:00Z h a p m -", "not RFC 3339")]
    [InlineData("<13>1 - h a p", "header is incomplete")]
    [InlineData("<13>1 - h a p m [id k=\"v] x", "no closing quote")]
    [InlineData("<13>1 - h a p m [id k=\"v\"", "not closed")]
    public void TryParse_Malformed_SaysWhy(string text, string reason)
    {
        Assert.False(SyslogParser.TryParse(text, Now, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }
}
