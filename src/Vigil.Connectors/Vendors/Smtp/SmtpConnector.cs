using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Vigil.Connectors.Http;
using Vigil.Connectors.Secrets;
using Vigil.Pipeline.Respond.Connectors;

namespace Vigil.Connectors.Vendors.Smtp;

/// <summary>
/// Mail through an SMTP relay with MailKit: notify.send sends a text/plain message (alert text cannot render as HTML)
/// whose Message-ID derives from the idempotency key, so a retry is recognisable as the same message. The relay's
/// address passes the same SSRF guard as HTTP connectors: Vigil resolves and checks it, then hands MailKit the
/// connected socket. Settings: <c>Host</c>, <c>Port</c> (587), <c>Security</c> (StartTls, SslOnConnect, None; default
/// StartTls), <c>From</c>, <c>To</c> (default recipients, comma-separated), optional <c>Username</c>; secret
/// <c>smtp/password</c>. Parameters: <c>message</c>, optional <c>title</c> (subject) and <c>to</c>.
/// </summary>
public sealed class SmtpConnector(ConnectorClients clients, ConnectorSecrets secrets, TimeProvider time) : IActionConnector
{
    public string Name => "smtp";

    public IReadOnlyList<string> ActionTypes { get; } = ["notify.send"];

    public async Task<ConnectorResult> ExecuteAsync(ConnectorCall call, CancellationToken cancellationToken)
    {
        if (call.ActionType != "notify.send")
        {
            return ConnectorResults.Failed($"connector {Name} does not carry out {call.ActionType}");
        }

        try
        {
            var options = clients.Options(Name);
            var host = options.Require("Host");
            var port = options.Get("Port") is { } p && int.TryParse(p, out var parsed) ? parsed : 587;
            var message = Build(call, options);
            if (call.Simulate)
            {
                return new ConnectorResult
                {
                    Outcome = ConnectorOutcome.Succeeded,
                    Summary = $"simulated, nothing sent: would mail '{message.Subject}' to {string.Join(", ", message.To.Mailboxes.Select(m => m.Address))} via {host}:{port}",
                    Details = new Dictionary<string, string> { ["message_id"] = message.MessageId ?? string.Empty, ["subject"] = message.Subject ?? string.Empty },
                };
            }

            return await SendAsync(message, options, host, port, cancellationToken);
        }
        catch (ConnectorConfigurationException ex)
        {
            return ConnectorResults.Failed($"{Name}: {ex.Message}");
        }
        catch (ConnectorInputException ex)
        {
            return ConnectorResults.Failed($"{Name}: {ex.Message}");
        }
    }

    private async Task<ConnectorResult> SendAsync(MimeMessage message, ConnectorOptions options, string host, int port, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        ConnectorResult result;
        try
        {
            using var smtp = new SmtpClient { Timeout = (int)options.Timeout.TotalMilliseconds };
            using var timeout = new CancellationTokenSource(options.Timeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            var socket = await ConnectGuardedAsync(options, host, port, linked.Token);
            await smtp.ConnectAsync(socket, host, port, Security(options), linked.Token);
            if (options.Get("Username") is { } user)
            {
                await smtp.AuthenticateAsync(user, await secrets.RequireAsync(Name, "password", linked.Token), linked.Token);
            }

            var answer = await smtp.SendAsync(message, linked.Token);
            await smtp.DisconnectAsync(quit: true, linked.Token);
            result = new ConnectorResult
            {
                Outcome = ConnectorOutcome.Succeeded,
                Summary = $"mail '{message.Subject}' sent to {string.Join(", ", message.To.Mailboxes.Select(m => m.Address))}",
                ExternalReference = message.MessageId,
                Details = new Dictionary<string, string> { ["message_id"] = message.MessageId ?? string.Empty, ["relay_answer"] = VendorText.OneLine(answer ?? string.Empty, 200) },
            };
        }
        catch (SmtpCommandException ex)
        {
            // RFC 5321 §4.2.1: 4yz replies are transient, 5yz permanent.
            var transient = (int)ex.StatusCode is >= 400 and < 500;
            result = new ConnectorResult
            {
                Outcome = transient ? ConnectorOutcome.Transient : ConnectorOutcome.Failed,
                Summary = $"sending mail failed: SMTP {(int)ex.StatusCode} {VendorText.OneLine(ex.Message, 200)}",
                StatusCode = (int)ex.StatusCode,
            };
        }
        catch (AuthenticationException ex)
        {
            result = ConnectorResults.Failed($"sending mail failed: the relay refused the credentials ({VendorText.OneLine(ex.Message, 200)})");
        }
        catch (ConnectorRefusedException ex)
        {
            result = ConnectorResults.Failed(ex.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            result = new ConnectorResult { Outcome = ConnectorOutcome.Transient, Summary = $"sending mail failed: no answer within {options.Timeout.TotalSeconds:0.###} s" };
        }
        catch (Exception ex) when (ex is SocketException or IOException or SmtpProtocolException)
        {
            result = new ConnectorResult { Outcome = ConnectorOutcome.Transient, Summary = $"sending mail failed: {VendorText.OneLine(ex.Message, 200)}" };
        }

        clients.Health.Record(Name, result.Outcome, Stopwatch.GetElapsedTime(started), result.Outcome == ConnectorOutcome.Succeeded ? null : result.Summary, time.GetUtcNow());
        return result;
    }

    private static async Task<Socket> ConnectGuardedAsync(ConnectorOptions options, string host, int port, CancellationToken cancellationToken)
    {
        var candidates = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var allowed = candidates.Where(address => SsrfGuard.Allows(options, address)).ToArray();
        if (allowed.Length == 0)
        {
            throw new ConnectorRefusedException(
                $"connector '{options.Name}' refused to connect to {host}: it resolves only to {string.Join(", ", candidates.Select(SsrfGuard.Classify).Distinct())} addresses");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, port, cancellationToken);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static SecureSocketOptions Security(ConnectorOptions options) => (options.Get("Security") ?? "StartTls").ToLowerInvariant() switch
    {
        "starttls" => SecureSocketOptions.StartTls,
        "sslonconnect" or "tls" => SecureSocketOptions.SslOnConnect,
        "none" => SecureSocketOptions.None,
        var other => throw new ConnectorConfigurationException($"{ConnectorOptions.Section}:smtp:Security '{other}' is not StartTls, SslOnConnect or None"),
    };

    private static MimeMessage Build(ConnectorCall call, ConnectorOptions options)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.Require("From")));
        var recipients = call.Optional("to") ?? options.Require("To");
        foreach (var address in recipients.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!MailboxAddress.TryParse(address, out var mailbox))
            {
                throw new ConnectorInputException($"'{address}' is not a mail address");
            }

            message.To.Add(mailbox);
        }

        message.Subject = "[Vigil] " + VendorText.OneLine(call.Optional("title") ?? $"case {call.CaseId}", 200);
        message.MessageId = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(call.IdempotencyKey)).AsSpan(0, 16)) + "@vigil";
        message.Headers.Add("X-Vigil-Request", call.RequestId);
        message.Body = new TextPart("plain") { Text = $"{call.Require("message")}\n\n-- \nSent by {call.Attribution()}.\n" };
        return message;
    }
}
