using System.Collections.Concurrent;
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
/// received is stored, counted as a repeat, or dead-lettered with its reason; none is dropped silently. When the
/// store fails, the batch is retried with back-off while the bounded queue fills, and then the listener stops
/// reading: TCP senders are held back by the socket (refused, not lost), UDP waits in the kernel's receive buffer.
/// On shutdown the sockets close first and everything already received is stored before the listener ends.
/// </summary>
internal sealed partial class SyslogListener(
    IOptions<SyslogOptions> options, EventIngestor ingestor, SyslogCounters counters, TimeProvider time, ILogger<SyslogListener> logger) : BackgroundService
{
    private static readonly Actor Actor = Actor.Automation("syslog");

    // Bounded so that a flood waits on the socket (TCP backpressure, kernel buffer for UDP) instead of growing memory.
    private readonly Channel<Received> _queue = Channel.CreateBounded<Received>(new BoundedChannelOptions(20_000) { SingleReader = true });

    private readonly SyslogOptions _options = options.Value;

    // Open TCP connections, so that shutdown waits for what they already read to be queued before completing the queue.
    private readonly ConcurrentDictionary<Task, byte> _connections = new();

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
            // The store loop is not tied to the stopping token: it ends when the queue is completed and empty.
            var storing = StoreAsync(stoppingToken);
            await Task.Delay(Timeout.Infinite, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            tcp?.Stop();
            udp?.Close();
            await Task.WhenAll(loops).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await Task.WhenAll(_connections.Keys).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            _queue.Writer.TryComplete();
            SyslogLog.Draining(logger, counters.Queued);
            await storing;
        }
        finally
        {
            tcp?.Stop();
            udp?.Close();
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

            // RFC 5426 §3.1: one message per datagram. An oversized one is kept (its head) as a dead letter with the reason.
            var buffer = datagram.Buffer;
            var oversized = buffer.Length > _options.MaxMessageBytes;
            var text = Encoding.UTF8.GetString(buffer, 0, oversized ? _options.MaxMessageBytes : buffer.Length);
            var error = oversized ? $"datagram of {buffer.Length} bytes over the limit of {_options.MaxMessageBytes} (Vigil:Syslog:MaxMessageBytes)" : null;
            counters.Receive();
            await _queue.Writer.WriteAsync(new Received(text, $"udp {datagram.RemoteEndPoint}", error), CancellationToken.None);
        }
    }

    private async Task AcceptTcpAsync(TcpListener listener, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var client = await listener.AcceptTcpClientAsync(cancellationToken);
            var connection = Task.Run(() => ReadTcpAsync(client, cancellationToken), CancellationToken.None);
            _connections.TryAdd(connection, 0);
            _ = connection.ContinueWith(done => _connections.TryRemove(done, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
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
                    counters.Receive();
                    // Not cancellable: a message read from the socket is ours to store, even while shutting down.
                    await _queue.Writer.WriteAsync(new Received(frame.Text, remote, frame.Error), CancellationToken.None);
                }
            }
            catch (Exception exception) when (exception is IOException or SocketException)
            {
                SyslogLog.ConnectionFailed(logger, exception, remote);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Shutting down: what was read is queued and will be stored.
            }
        }
    }

    private sealed record Received(string Text, string From, string? FramingError);
}
