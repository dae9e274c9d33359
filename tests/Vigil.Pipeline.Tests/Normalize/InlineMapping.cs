using System.Text.Json;
using Vigil.Pipeline.Normalize;

namespace Vigil.Pipeline.Tests.Normalize;

/// <summary>Compiles a small mapping written in the test and applies it to a JSON text.</summary>
internal static class InlineMapping
{
    public const string Header = """
        source: test_source
        vendor: Test
        product: Test
        match:
          - { path: kind, equals: test }
        class: 2004
        activity: 1
        time: { path: at, format: iso8601 }
        severity: 2

        """;

    public static SourceMapping Compile(string yaml, string file = "inline.yaml") => MappingCatalog.Compile(file, yaml);

    public static NormalizeResult Apply(string yaml, string json, bool validate = true) =>
        Compile(yaml).Apply(JsonElement.Parse(json), json, validate);
}
