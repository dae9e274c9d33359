using System.Collections.Frozen;
using YamlDotNet.RepresentationModel;

namespace Vigil.Pipeline.Normalize.Mapping;

internal sealed partial class MappingCompiler
{
    private MappingLoadException Error(YamlNode node, string problem) =>
        new(_file, node.Start.Line, node.Start.Column, problem);

    private YamlNode Required(YamlMappingNode node, string key) =>
        Optional(node, key) ?? throw Error(node, $"'{key}:' is required here");

    private static YamlNode? Optional(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private void CheckKeys(YamlMappingNode node, FrozenSet<string> allowed, string what)
    {
        foreach (var key in node.Children.Keys)
        {
            if (!allowed.Contains(Text(key)))
            {
                throw Error(key, $"'{Text(key)}' is not a {what} key (expected one of: {string.Join(", ", allowed.Order(StringComparer.Ordinal))})");
            }
        }
    }

    private string Text(YamlNode node) =>
        node is YamlScalarNode scalar ? scalar.Value ?? "" : throw Error(node, "expected a single value here, found a list or mapping");

    private YamlScalarNode AsScalar(YamlNode node) =>
        node as YamlScalarNode ?? throw Error(node, "expected a single value here, found a list or mapping");

    private YamlMappingNode AsMapping(YamlNode node, string what) =>
        node as YamlMappingNode ?? throw Error(node, $"{what}: expected a mapping (key: value lines)");

    private IEnumerable<YamlNode> Sequence(YamlNode node) =>
        node as YamlSequenceNode ?? throw Error(node, "expected a list (- item lines or [a, b])");

    private FieldPath ParsePath(YamlNode node) =>
        FieldPath.TryParse(Text(node), out var error) ?? throw Error(node, error!);
}
