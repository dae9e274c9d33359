using System.Net;
using System.Net.Sockets;

namespace Vigil.Connectors.Http;

/// <summary>
/// The socket-level half of the SSRF guard: resolves the host itself, keeps only the addresses
/// <see cref="SsrfGuard"/> allows for this connector, and connects to one of exactly those addresses. Used as the
/// <see cref="SocketsHttpHandler.ConnectCallback"/>, so nothing (redirects are off, proxies are off) dials around it.
/// </summary>
internal sealed class GuardedConnector(ConnectorOptions options)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var candidates = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var allowed = candidates.Where(address => SsrfGuard.Allows(options, address)).ToArray();
        if (allowed.Length == 0)
        {
            var classes = string.Join(", ", candidates.Select(SsrfGuard.Classify).Distinct());
            throw new ConnectorRefusedException(
                $"connector '{options.Name}' refused to connect to {host}: it resolves only to {(classes.Length == 0 ? "nothing" : classes)} addresses"
                + " (set AllowLoopback or AllowPrivateNetwork for this connector if that is intended; link-local and metadata addresses are never allowed)");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
