using System.Formats.Tar;
using System.IO.Compression;
using YamlDotNet.RepresentationModel;

namespace Vigil.Detection.Tests.Attack;

/// <summary>Reads every <c>tags:</c> entry of the rule files inside a SigmaHQ release tarball.</summary>
internal static class SigmaPackTags
{
    public static string FixturePath(string fileName) =>
        File.Exists(Vigil.Testing.SharedFixtures.Path(Path.Combine("sigmahq", fileName)))
            ? Vigil.Testing.SharedFixtures.Path(Path.Combine("sigmahq", fileName))
            : Vigil.Testing.SharedFixtures.Path(fileName);

    public static List<string> ReadAll(string tarballPath)
    {
        var tags = new List<string>();
        using var file = File.OpenRead(tarballPath);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile)
                || !entry.Name.EndsWith(".yml", StringComparison.Ordinal)
                || entry.DataStream is null)
            {
                continue;
            }

            var stream = new YamlStream();
            stream.Load(new StreamReader(entry.DataStream));
            foreach (var document in stream.Documents)
            {
                if (document.RootNode is YamlMappingNode root
                    && root.Children.TryGetValue(new YamlScalarNode("tags"), out var node)
                    && node is YamlSequenceNode sequence)
                {
                    tags.AddRange(sequence.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? string.Empty));
                }
            }
        }

        return tags;
    }
}
