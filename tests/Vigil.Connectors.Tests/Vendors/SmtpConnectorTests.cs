using MimeKit;
using Vigil.Connectors.Tests.Support;
using Vigil.Pipeline.Respond.Connectors;

namespace Vigil.Connectors.Tests.Vendors;

/// <summary>
/// Against a real SMTP server (Debian's aiosmtpd, started by test.sh through tests/scripts/smtp.sh): VIGIL_TEST_SMTP
/// (host:port), VIGIL_TEST_SMTP_USER, VIGIL_TEST_SMTP_PASSWORD and VIGIL_TEST_SMTP_MAILDIR where it delivers. Without
/// them the tests fail, unless VIGIL_SKIP_SMTP=1 says to skip them on purpose.
/// </summary>
public sealed class SmtpConnectorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Send_ThroughRealRelayWithAuth_DeliversPlainTextWithStableMessageId()
    {
        var (server, user, password, maildir) = Server();
        await using var harness = await ConnectorHarness.StartAsync(Configuration(server, user));
        await harness.Secrets.SetAsync("smtp", "password", password, ConnectorHarness.Operator, Ct);
        var call = Calls.For("notify.send", ("message", "<b>Host WS-12</b> isolated.\nSee the case."), ("title", "Case 7: ransomware\r\nBcc: victim@example.com"),
            ("to", "soc@acme.example, oncall@acme.example"));
        var before = Delivered(maildir).ToHashSet();

        var result = await harness.Connector("smtp").ExecuteAsync(call, Ct);

        Assert.True(result.Outcome == ConnectorOutcome.Succeeded, result.Summary);
        var file = Assert.Single(Delivered(maildir), f => !before.Contains(f));
        var message = await MimeMessage.LoadAsync(file, Ct);
        Assert.Equal("[Vigil] Case 7: ransomware Bcc: victim@example.com", message.Subject);
        Assert.Equal(["soc@acme.example", "oncall@acme.example"], message.To.Mailboxes.Select(m => m.Address));
        Assert.Empty(message.Bcc);
        Assert.Equal("vigil@acme.example", message.From.Mailboxes.Single().Address);
        Assert.Equal(result.ExternalReference, message.MessageId);
        Assert.Equal("act_1", message.Headers["X-Vigil-Request"]);
        Assert.Equal("text/plain", message.Body?.ContentType.MimeType);
        Assert.StartsWith("<b>Host WS-12</b> isolated.", message.TextBody, StringComparison.Ordinal);
        Assert.Equal(1, harness.Clients.Health.Get("smtp").Successes);
        Assert.DoesNotContain(password, harness.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_WrongPassword_FailsWithoutRetryOrLeak()
    {
        var (server, user, _, _) = Server();
        await using var harness = await ConnectorHarness.StartAsync(Configuration(server, user));
        await harness.Secrets.SetAsync("smtp", "password", "wrong-password-123", ConnectorHarness.Operator, Ct);

        var result = await harness.Connector("smtp").ExecuteAsync(Calls.For("notify.send", ("message", "x")), Ct);

        Assert.True(result.Outcome == ConnectorOutcome.Failed, result.Summary);
        Assert.StartsWith("sending mail failed: the relay refused the credentials", result.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-password-123", result.Summary + harness.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_LoopbackRelayNotAllowed_RefusedByTheSsrfGuard()
    {
        var (server, user, _, _) = Server();
        var configuration = Configuration(server, user);
        configuration.Remove("Vigil:Connectors:smtp:AllowLoopback");
        await using var harness = await ConnectorHarness.StartAsync(configuration);

        var result = await harness.Connector("smtp").ExecuteAsync(Calls.For("notify.send", ("message", "x")), Ct);

        Assert.Equal(ConnectorOutcome.Failed, result.Outcome);
        Assert.Contains("refused to connect to 127.0.0.1", result.Summary, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> Configuration(string server, string user) => new()
    {
        ["Vigil:Connectors:smtp:Host"] = server.Split(':')[0],
        ["Vigil:Connectors:smtp:Port"] = server.Split(':')[1],
        ["Vigil:Connectors:smtp:Security"] = "None",
        ["Vigil:Connectors:smtp:Username"] = user,
        ["Vigil:Connectors:smtp:From"] = "Vigil <vigil@acme.example>",
        ["Vigil:Connectors:smtp:To"] = "soc@acme.example",
        ["Vigil:Connectors:smtp:AllowLoopback"] = "true",
        ["Vigil:Connectors:smtp:TimeoutSeconds"] = "10",
    };

    private static IEnumerable<string> Delivered(string maildir) =>
        Directory.Exists(Path.Combine(maildir, "new")) ? Directory.EnumerateFiles(Path.Combine(maildir, "new")) : [];

    private static (string Server, string User, string Password, string Maildir) Server()
    {
        var server = Environment.GetEnvironmentVariable("VIGIL_TEST_SMTP");
        if (server is null)
        {
            if (Environment.GetEnvironmentVariable("VIGIL_SKIP_SMTP") == "1")
            {
                Assert.Skip("VIGIL_SKIP_SMTP=1: SMTP tests skipped on purpose.");
            }

            Assert.Fail("VIGIL_TEST_SMTP is not set: run ./test.sh (it starts aiosmtpd), or set VIGIL_SKIP_SMTP=1 to skip on purpose.");
        }

        return (server, Environment.GetEnvironmentVariable("VIGIL_TEST_SMTP_USER")!, Environment.GetEnvironmentVariable("VIGIL_TEST_SMTP_PASSWORD")!,
            Environment.GetEnvironmentVariable("VIGIL_TEST_SMTP_MAILDIR")!);
    }
}
