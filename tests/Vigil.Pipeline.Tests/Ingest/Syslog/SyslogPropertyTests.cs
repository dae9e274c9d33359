using CsCheck;
using Vigil.Pipeline.Ingest.Syslog;

namespace Vigil.Pipeline.Tests.Ingest.Syslog;

/// <summary>Syslog is unauthenticated input from the network: no byte sequence may make a parser throw.</summary>
public sealed class SyslogPropertyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    // Mostly the characters the grammars care about, so that generated text reaches deep into each parser.
    private static readonly Gen<string> Hostile = Gen.OneOf(
        Gen.String,
        Gen.Char["<>0123456789 |=\\\"[]-:TZ.CEFL\t\n\r^x"].Array[0, 80].Select(c => new string(c)),
        Gen.Char["<>0123456789 |=\\\"[]-:TZ.CEFL\t\n\r^x"].Array[0, 80].Select(c => "<13>1 " + new string(c)),
        Gen.Char["0123456789 |=\\abc\t"].Array[0, 80].Select(c => "CEF:0|" + new string(c)),
        Gen.Char["0123456789 |=\\abc\t^x"].Array[0, 80].Select(c => "LEEF:2.0|" + new string(c)));

    [Fact]
    public void Parsers_ArbitraryInput_NeverThrow()
    {
        Hostile.Sample(text =>
        {
            SyslogParser.TryParse(text, Now, out _, out _);
            CefParser.TryParse(text, out _, out _);
            LeefParser.TryParse(text, out _, out _);
            var read = SyslogEvents.Read(1, text, Now, "test");
            return read.Element is not null || read.Error is not null;
        }, iter: 20_000);
    }

    [Fact]
    public void FrameReader_ArbitraryStream_NeverThrowsAndEnds()
    {
        Gen.Char["<>13 \nabc"].Array[0, 200].Sample(chars =>
        {
            var text = "<" + new string(chars);
            using var input = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
            var frames = SyslogFrameReader.ReadAsync(input, 64, CancellationToken.None).ToBlockingEnumerable().ToList();
            return frames.Count <= text.Length;
        }, iter: 5_000);
    }
}
