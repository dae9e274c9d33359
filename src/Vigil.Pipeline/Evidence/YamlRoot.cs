using YamlDotNet.RepresentationModel;

namespace Vigil.Pipeline.Evidence;

/// <summary>The one mapping a policy or mapping file holds; anything else is refused naming the file.</summary>
public static class YamlRoot
{
    public static YamlMappingNode Mapping(string fileName, string yaml, string expected)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlDotNet.Core.YamlException exception)
        {
            throw new InvalidDataException($"{fileName}: {exception.Message}");
        }

        return stream.Documents.Count == 1 && stream.Documents[0].RootNode is YamlMappingNode root
            ? root
            : throw new InvalidDataException($"{fileName}: expected {expected}");
    }
}
