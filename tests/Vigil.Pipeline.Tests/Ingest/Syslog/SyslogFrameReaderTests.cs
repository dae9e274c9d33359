using System.Text;
using Vigil.Pipeline.Ingest.Syslog;

namespace Vigil.Pipeline.Tests.Ingest.Syslog;

public sealed class SyslogFrameReaderTests
{
    private static async Task<List<SyslogFrame>> ReadAsync(string stream, int maxBytes = 1024)
    {
        var frames = new List<SyslogFrame>();
        await using var input = new MemoryStream(Encoding.UTF8.GetBytes(stream));
        await foreach (var frame in SyslogFrameReader.ReadAsync(input, maxBytes, TestContext.Current.CancellationToken))
        {
            frames.Add(frame);
        }

        return frames;
    }

    [Fact]
    public async Task ReadAsync_OctetCounted_CutsByLengthEvenAcrossNewlines()
    {
        var first = "<13>1 - h a - - - line one\nstill one";
        var second = "<13>1 - h a - - - two";

        var frames = await ReadAsync($"{Encoding.UTF8.GetByteCount(first)} {first}{Encoding.UTF8.GetByteCount(second)} {second}");

        Assert.Equal([first, second], frames.Select(f => f.Text));
        Assert.All(frames, f => Assert.Null(f.Error));
    }

    [Fact]
    public async Task ReadAsync_NonTransparent_CutsAtLineFeedsAndKeepsAnUnterminatedLast()
    {
        var frames = await ReadAsync("<13>Nov 23 10:00:00 h a: one\r\n<13>Nov 23 10:00:01 h a: two\n<13>tail");

        Assert.Equal(["<13>Nov 23 10:00:00 h a: one", "<13>Nov 23 10:00:01 h a: two", "<13>tail"], frames.Select(f => f.Text));
    }

    [Fact]
    public async Task ReadAsync_MultiByteUtf8Length_CountsOctetsNotCharacters()
    {
        var text = "<13>1 - h a - - - grüße ✓";

        var frames = await ReadAsync($"{Encoding.UTF8.GetByteCount(text)} {text}");

        Assert.Equal(text, Assert.Single(frames).Text);
    }

    [Fact]
    public async Task ReadAsync_OversizedFrame_IsReportedNotHeld()
    {
        var frames = await ReadAsync("5000 <13>" + new string('x', 600), maxBytes: 512);

        var frame = Assert.Single(frames);
        Assert.Contains("5000 bytes over the limit of 512", frame.Error, StringComparison.Ordinal);
        Assert.True(frame.Text.Length <= 512);
    }

    [Fact]
    public async Task ReadAsync_ConnectionClosedMidFrame_ReportsTheShortfall()
    {
        var frames = await ReadAsync("100 <13>1 - h a - - - short");

        Assert.Contains("connection closed", Assert.Single(frames).Error, StringComparison.Ordinal);
    }
}
