using Microsoft.Extensions.Time.Testing;
using Vigil.Pipeline.Ingest.Mail;

namespace Vigil.Pipeline.Tests.Ingest.Mail;

public sealed class MailReportParserTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static MailParseResult Parse(byte[] raw, MailLimits? limits = null) =>
        new MailReportParser(limits ?? new MailLimits(), new FakeTimeProvider(Now)).Parse(raw, "eml_file");

    private static PhishingReport Single(string fixture)
    {
        var result = Parse(MailFixtures.Read(fixture));
        Assert.True(result.Succeeded, result.Error);
        return Assert.Single(result.Reports);
    }

    [Fact]
    public void Parse_ForwardedAsAttachment_ReportsTheAttachedMessageAndTheOuterSenderAsReporter()
    {
        var report = Single("forwarded-as-attachment.eml");

        Assert.Equal(new MailParty { Email = "alice@corp.example", Name = "Alice Example" }, report.Reporter);
        Assert.Equal("<report-alice-0930@corp.example>", report.ReportId);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.Zero), report.ReportedAt);
        Assert.Equal("eml_file", report.ReportChannel);
        Assert.Equal("This came in this morning, the sender is not PayPal. I did not click.", report.Comment);
        var message = report.Message;
        Assert.Equal("<limited-20261123-0911@paypa1-secure.com>", message.MessageId);
        Assert.Equal("Your account has been limited", message.Subject);
        Assert.Equal("security@paypa1-secure.com", message.FromAddress);
        Assert.Equal("account-review@freemail.example", message.ReplyTo);
        Assert.Equal("bounce-77@mailer.paypa1-secure.com", message.ReturnPath);
        Assert.Equal("bulk@mailer.paypa1-secure.com", message.Sender);
        Assert.Equal(["alice@corp.example"], message.To);
        Assert.Equal(["bob@corp.example"], message.Cc);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 9, 11, 58, TimeSpan.Zero), message.SentAt);
        Assert.Equal("203.0.113.77", message.SenderIp);
        Assert.False(message.InlineForward);
    }

    [Fact]
    public void Parse_AuthenticationResults_TakesTheTopmostVerdictsNotTheForgedLowerHeader()
    {
        var authentication = Single("forwarded-as-attachment.eml").Message.Authentication;

        Assert.Equal(("fail", "none", "fail"), (authentication.Spf, authentication.Dkim, authentication.Dmarc));
        Assert.Null(authentication.Arc);
        Assert.StartsWith("mx-in.corp.example;", authentication.Raw, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ReceivedChain_ReadsEachHopNewestFirst()
    {
        var hops = Single("forwarded-as-attachment.eml").Message.Received;

        Assert.Equal(2, hops.Count);
        Assert.Equal(("mx-in.corp.example", "10.1.2.3", "mailstore.corp.example", "LMTP"), (hops[0].From, hops[0].FromIp, hops[0].By, hops[0].With));
        Assert.Equal(("mailer.paypa1-secure.com", "203.0.113.77", "mx-in.corp.example", "ESMTPS"), (hops[1].From, hops[1].FromIp, hops[1].By, hops[1].With));
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 9, 12, 3, TimeSpan.Zero), hops[1].Time);
        Assert.Equal(hops[0].Time, Single("forwarded-as-attachment.eml").Message.ReceivedAt);
    }

    [Fact]
    public void Parse_TextAndHtmlBodies_CollectsDeduplicatedLinksButNothingFromScriptsStylesOrMailto()
    {
        var urls = Single("forwarded-as-attachment.eml").Message.Urls;

        Assert.Equal(
        [
            "https://paypa1-secure.com/restore?case=4471",
            "https://www.paypal.com/help",
            "https://paypa1-secure.com/restore?case=4471&src=mail",
            "https://www.paypal.com/signin",
        ], urls);
    }

    [Fact]
    public void Parse_LinkWhoseTextShowsAnotherHost_IsReportedAsAMismatch()
    {
        var mismatch = Assert.Single(Single("forwarded-as-attachment.eml").Message.LinkMismatches);

        Assert.Equal("https://paypa1-secure.com/restore?case=4471&src=mail", mismatch.Href);
        Assert.Equal("https://www.paypal.com/signin", mismatch.Text);
    }

    [Fact]
    public void Parse_Attachment_HasNameTypeSizeAndHashesOfItsDecodedContent()
    {
        var attachment = Assert.Single(Single("forwarded-as-attachment.eml").Message.Attachments);

        Assert.Equal(("Invoice_4471.html", "text/html", 143L), (attachment.Filename, attachment.ContentType, attachment.Size));
        Assert.Equal("a5b41a62ac28c3f3b0b18b029b84e95a311aa54dad882b70c750e8e5807ea192", attachment.Sha256);
        Assert.Equal("57ac27ba2354c34a83b7505467731647", attachment.Md5);
        Assert.Equal(40, attachment.Sha1.Length);
    }

    [Fact]
    public void Parse_ReportButtonEmlAttachment_ReadsTheAttachedFileAsTheReportedMessage()
    {
        var report = Single("report-button.eml");

        Assert.Equal("dave@corp.example", report.Reporter.Email);
        Assert.Equal("<limited-20261123-0911@paypa1-secure.com>", report.Message.MessageId);
        Assert.Equal(["dave@corp.example"], report.Message.To);
        Assert.Equal("fail", report.Message.Authentication.Dmarc);
    }

    [Fact]
    public void Parse_InlineForward_ReadsTheForwardedHeaderBlockAndLeavesAuthenticationEmpty()
    {
        var report = Single("inline-forward.eml");

        Assert.Equal("carol@corp.example", report.Reporter.Email);
        Assert.Equal("Is this real? It asks for my password.", report.Comment);
        var message = report.Message;
        Assert.True(message.InlineForward);
        Assert.Equal("helpdesk@corp-example-support.com", message.FromAddress);
        Assert.Equal("Password expires today", message.Subject);
        Assert.Equal(["carol@corp.example"], message.To);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 8, 1, 0, TimeSpan.Zero), message.SentAt);
        Assert.Equal(["https://corp-example-support.com/keep-password"], message.Urls);
        Assert.StartsWith("sha256:", message.MessageId, StringComparison.Ordinal);
        Assert.Equal(new MailAuthentication(), message.Authentication);
        Assert.Empty(message.Received);
    }

    [Fact]
    public void Parse_NothingAttachedAndNoForwardMarker_ReportsTheMailItself()
    {
        var raw = "From: Frank <frank@corp.example>\r\nSubject: odd mail\r\nMessage-ID: <self@x.example>\r\n\r\nsee http://odd.example/a\r\n"u8.ToArray();

        var report = Assert.Single(Parse(raw).Reports);

        Assert.Equal(("frank@corp.example", "frank@corp.example", "<self@x.example>"), (report.Reporter.Email, report.Message.FromAddress, report.Message.MessageId));
        Assert.Equal(["http://odd.example/a"], report.Message.Urls);
        Assert.Equal(Now, report.ReportedAt);
    }

    [Fact]
    public void Parse_MalformedMime_FailsWithAReason()
    {
        var result = Parse(MailFixtures.Read("malformed.eml"));

        Assert.False(result.Succeeded);
        Assert.Empty(result.Reports);
        Assert.False(string.IsNullOrWhiteSpace(result.Error));
    }

    [Fact]
    public void Parse_OverTheSizeLimit_FailsNamingTheLimit()
    {
        var result = Parse(MailFixtures.Huge(200_000), new MailLimits { MaxMessageBytes = 100_000 });

        Assert.False(result.Succeeded);
        Assert.Contains("over the limit of 100000 bytes (MaxMessageBytes)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MoreUrlsThanTheLimit_FailsNamingTheLimit()
    {
        Assert.True(Parse(MailFixtures.WithUrls(10), new MailLimits { MaxUrls = 10 }).Succeeded);

        var result = Parse(MailFixtures.WithUrls(11), new MailLimits { MaxUrls = 10 });

        Assert.False(result.Succeeded);
        Assert.Contains("more than 10 distinct URLs (limit MaxUrls)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MoreAttachmentsThanTheLimit_FailsNamingTheLimit()
    {
        var result = Parse(MailFixtures.Read("forwarded-as-attachment.eml"), new MailLimits { MaxAttachments = 0 });

        Assert.False(result.Succeeded);
        Assert.Contains("(MaxAttachments)", result.Error, StringComparison.Ordinal);
    }
}
