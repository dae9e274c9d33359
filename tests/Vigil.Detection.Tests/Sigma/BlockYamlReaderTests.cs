using System.Formats.Tar;
using System.IO.Compression;
using Vigil.Detection.Parsing;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Vigil.Detection.Tests.Sigma;

/// <summary>The fast rule reader yields exactly YamlDotNet's parsing events, or leaves the file to YamlDotNet.</summary>
public sealed class BlockYamlReaderTests
{
    [Fact]
    public void TryRead_EverySigmaHqRule_EqualsYamlDotNetEventsAndCoversNearlyAll()
    {
        var files = PackFiles();
        var fast = 0;
        foreach (var (name, text) in files)
        {
            if (BlockYamlReader.TryRead(text) is not { } events)
            {
                continue;
            }

            fast++;
            AssertSameEvents(name, YamlDotNetEvents(text), events);
        }

        // The speed of pack loading rests on this share; a drop means a common construct fell out of the subset.
        Assert.True(fast >= files.Count * 99 / 100, $"fast path read {fast} of {files.Count} files");
    }

    [Theory]
    [InlineData("title: t\nlist:\n- a\n- 'b'\nnext: 1\n")]
    [InlineData("a:\n    b:\n        - c: 1\n          d: \"x\\\\y\\u0041\"\n        - e\n    f: ~\n")]
    [InlineData("k: 'it''s' # comment\n# full-line comment\n\nj: plain # trailing\nempty:\nlast: value\n")]
    [InlineData("d: |\n    line one\n\n      indented\n    line three\nx: 1\n")]
    [InlineData("d: |-\n    kept\n\n\nx: 1\n")]
    [InlineData("d: |+\n    kept\n\n\nx: 1\n")]
    [InlineData("- |\n  block in a list\n- b\n")]
    [InlineData("title: one\n---\ntitle: two\n")]
    [InlineData("key: C:\\Windows\\*.exe\nurl: http://x/y#frag\nq: a:b\n")]
    [InlineData("k: v\r\nl:\r\n    - w\r\n")]
    public void TryRead_SubsetInput_EqualsYamlDotNetEvents(string yaml)
    {
        var events = BlockYamlReader.TryRead(yaml);

        Assert.NotNull(events);
        AssertSameEvents(yaml, YamlDotNetEvents(yaml), events);
    }

    [Theory]
    [InlineData("a: &anchor 1\nb: *anchor\n")]
    [InlineData("a: [1, 2]\n")]
    [InlineData("a: {b: 1}\n")]
    [InlineData("a: multi\n  line plain\n")]
    [InlineData("a: 'multi\n  line quoted'\n")]
    [InlineData("a: >\n  folded\n")]
    [InlineData("a: 1\na: 2\n")]
    [InlineData("a:\n\tb: 1\n")]
    [InlineData("a: !tag x\n")]
    [InlineData("  a: 1\n b: 2\n")]
    [InlineData("a: b: c\n")]
    [InlineData("a:\n  - x\n   - y\n")]
    [InlineData("- - nested\n")]
    [InlineData("a: \"\\q\"\n")]
    [InlineData("? complex\n: key\n")]
    public void TryRead_OutsideTheSubset_LeavesTheFileToYamlDotNet(string yaml)
    {
        Assert.Null(BlockYamlReader.TryRead(yaml));
    }

    private static List<ParsingEvent> YamlDotNetEvents(string text)
    {
        var events = new List<ParsingEvent>();
        var parser = new Parser(new StringReader(text));
        while (parser.MoveNext())
        {
            events.Add(parser.Current!);
        }

        return events;
    }

    private static void AssertSameEvents(string name, List<ParsingEvent> expected, List<ParsingEvent> actual)
    {
        Assert.True(expected.Count == actual.Count, $"{name}: {actual.Count} events, YamlDotNet {expected.Count}");
        for (var i = 0; i < expected.Count; i++)
        {
            var (e, a) = (expected[i], actual[i]);
            Assert.True(e.GetType() == a.GetType(), $"{name} #{i}: {a} where YamlDotNet has {e}");
            Assert.True(e.Start.Line == a.Start.Line, $"{name} #{i} {a}: line {a.Start.Line}, YamlDotNet {e.Start.Line}");
            if (e is Scalar se && a is Scalar sa)
            {
                Assert.True(
                    se.Value == sa.Value && se.Style == sa.Style && se.IsKey == sa.IsKey && se.Start.Column == sa.Start.Column,
                    $"{name} #{i}: [{sa.Value}] {sa.Style} at {sa.Start}, YamlDotNet [{se.Value}] {se.Style} at {se.Start}");
            }
        }
    }

    private static List<(string Name, string Text)> PackFiles()
    {
        var files = new List<(string, string)>();
        using var stream = File.OpenRead(Fixtures.Path("sigmahq", "sigmahq_rules_r2026-04-01_attack-v18.tar.gz"));
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.DataStream is not null && entry.Name.EndsWith(".yml", StringComparison.Ordinal))
            {
                using var reader = new StreamReader(entry.DataStream);
                files.Add((entry.Name, reader.ReadToEnd()));
            }
        }

        return files;
    }
}
