using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using Vigil.Detection.Parsing;

namespace Vigil.Detection.Loading;

/// <summary>
/// Loads a rule pack: a directory (recursively), a single YAML file, or a .tar.gz archive.
/// Every .yml/.yaml file is read; a bad rule is reported and never stops the others loading.
/// </summary>
public static class SigmaRuleLoader
{
    /// <summary>Loads rules, filters and correlation documents from <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">Nothing exists at <paramref name="path"/>.</exception>
    public static SigmaLoadResult Load(string path)
    {
        var files = new List<(string Name, string Text)>();
        if (Directory.Exists(path))
        {
            foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Where(IsYaml).Order(StringComparer.Ordinal))
            {
                files.Add((Path.GetRelativePath(path, file), File.ReadAllText(file)));
            }
        }
        else if (File.Exists(path))
        {
            if (path.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".tgz", StringComparison.OrdinalIgnoreCase))
            {
                using var stream = File.OpenRead(path);
                ReadTarGz(stream, files);
            }
            else
            {
                files.Add((path, File.ReadAllText(path)));
            }
        }
        else
        {
            throw new FileNotFoundException($"no rule file, directory or .tar.gz at '{path}'", path);
        }

        return ParseAll(files);
    }

    /// <summary>Loads the YAML documents of one in-memory file (tests, API uploads).</summary>
    public static SigmaLoadResult LoadText(string yaml, string fileName = "rule.yml")
    {
        var parser = new SigmaDocumentParser();
        parser.ParseFile(fileName, yaml);
        return new SigmaLoadResult(parser.Rules, parser.Filters, parser.Correlations, parser.Errors);
    }

    /// <summary>Loads every YAML entry of a gzip-compressed tar stream.</summary>
    public static SigmaLoadResult LoadTarGz(Stream stream)
    {
        var files = new List<(string Name, string Text)>();
        ReadTarGz(stream, files);
        return ParseAll(files);
    }

    /// <summary>
    /// YAML parsing dominates pack loading (about 1 ms per file with YamlDotNet), so files parse in parallel
    /// and merge back in file order, keeping results and error reports deterministic.
    /// </summary>
    private static SigmaLoadResult ParseAll(List<(string Name, string Text)> files)
    {
        var parsers = new SigmaDocumentParser[files.Count];
        Parallel.For(0, files.Count, i =>
        {
            parsers[i] = new SigmaDocumentParser();
            parsers[i].ParseFile(files[i].Name, files[i].Text);
        });
        return new SigmaLoadResult(
            [.. parsers.SelectMany(p => p.Rules)],
            [.. parsers.SelectMany(p => p.Filters)],
            [.. parsers.SelectMany(p => p.Correlations)],
            [.. parsers.SelectMany(p => p.Errors)]);
    }

    private static void ReadTarGz(Stream stream, List<(string Name, string Text)> files)
    {
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || !IsYaml(entry.Name) || entry.DataStream is null)
            {
                continue;
            }

            using var reader = new StreamReader(entry.DataStream, Encoding.UTF8);
            files.Add((entry.Name, reader.ReadToEnd()));
        }
    }

    private static bool IsYaml(string path) =>
        path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase);
}
