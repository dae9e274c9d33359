using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vigil.Domain.Ledger;
using Vigil.Pipeline.Ingest;
using Vigil.Pipeline.Ingest.Syslog;
using Vigil.Pipeline.Normalize;

namespace Vigil.Listeners;

/// <summary>
/// Receives syslog over UDP and TCP and stores it through <see cref="EventIngestor"/> in batches. Every message
/// received is stored, counted as a repeat, or dead-lettered with its reason; none is dropped silently.
/// </summary>
internal sealed partial class SyslogListener(
    IOptions<SyslogOptions> options, EventIngestor ingestor, TimeProvider time, ILogger<SyslogListener> logger) : BackgroundService
{
    private static readonly Actor Actor = Actor.Automation("syslog");

    // Bounded so that a flood waits on the socket (TCP backpressure, kernel buffer for UDP) instead of growing memory.
    private readonly Channel<Received> _queue = Channel.CreateBounded<Received>(new BoundedChannelOptions(20_000) { SingleReader = true });

    private readonly SyslogOptions _options = options.Value;

    /// <summary>The ports actually bound (useful when 0 would pick one): set once listening starts.</summary>
    public TaskCompletionSource<(int Udp, int Tcp)> Bound { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_options.UdpPort == 0 && _options.TcpPort == 0)
        {
            Bound.TrySetResult((0, 0));
            return;
        }

        var address = IPAddress.Parse(_options.Address);
        var loops = new List<Task>();
        using var udp = _options.UdpPort == 0 ? null : new UdpClient(new IPEndPoint(address, _options.UdpPort));
        var tcp = _options.TcpPort == 0 ? null : new TcpListener(address, _options.TcpPort);
        try
        {
            if (udp is not null)
            {
                udp.Client.ReceiveBufferSize = 4 * 1024 * 1024;
                SyslogLog.Listening(logger, "udp", udp.Client.LocalEndPoint!.ToString()!);
                loops.Add(ReceiveUdpAsync(udp, stoppingToken));
            }

            if (tcp is not null)
            {
                tcp.Start();
                SyslogLog.Listening(logger, "tcp", tcp.LocalEndpoint.ToString()!);
                loops.Add(AcceptTcpAsync(tcp, stoppingToken));
            }

            Bound.TrySetResult((((IPEndPoint?)udp?.Client.LocalEndPoint)?.Port ?? 0, ((IPEndPoint?)tcp?.LocalEndpoint)?.Port ?? 0));
            await StoreAsync(stoppingToken);
        }
        finally
        {
            tcp?.Stop();
            udp?.Close();
            try
            {
                await Task.WhenAll(loops);
            }
            catch (OperationCanceledException)
            {
                // Shutting down.
            }
        }
    }

    private async Task ReceiveUdpAsync(UdpClient udp, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            UdpReceiveResult datagram;
            try
            {
                datagram = await udp.ReceiveAsync(cancellationToken);
            }
            catch (SocketException)
            {
                // ICMP "port unreachable" echoes from earlier sends surface here on some platforms; keep receiving.
                continue;
            }

            // RFC 5426 §3.1: one message per datagram.
            var text = Encoding.UTF8.GetString(datagram.Buffer);
            await _queue.Writer.WriteAsync(new Received(text, $"udp {datagram.RemoteEndPoint}", null), cancellationToken);
        }
    }

    private async Task AcceptTcpAsync(TcpListener listener, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var client = await listener.AcceptTcpClientAsync(cancellationToken);
            _ = Task.Run(() => ReadTcpAsync(client, cancellationToken), cancellationToken);
        }
    }

    private async Task ReadTcpAsync(TcpClient client, CancellationToken cancellationToken)
    {
        var remote = $"tcp {client.Client.RemoteEndPoint}";
        using (client)
        {
            try
            {
                await using var stream = client.GetStream();
                await foreach (var frame in SyslogFrameReader.ReadAsync(stream, _options.MaxMessageBytes, cancellationToken))
                {
                    await _queue.Writer.WriteAsync(new Received(frame.Text, remote, frame.Error), cancellationToken);
                }
            }
            catch (Exception exception) when (exception is IOException or SocketException)
            {
                SyslogLog.ConnectionFailed(logger, exception, remote);
            }
        }
    }

    private sealed record Received(string Text, string From, string? FramingError);
}
