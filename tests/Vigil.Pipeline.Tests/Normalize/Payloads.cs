using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Pipeline.Normalize;

namespace Vigil.Pipeline.Tests.Normalize;

/// <summary>The payload fixtures in tests/fixtures/payloads and the shipped mapping catalogue, loaded once.</summary>
internal static class Payloads
{
    public static MappingCatalog Catalog { get; } = MappingCatalog.Load();

    public static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "fixtures", "payloads", file);

    /// <summary>Every event in a fixture file (JSON, JSON lines or concatenated objects), with its raw text.</summary>
    public static IReadOnlyList<RawJsonEvent> Events(string file)
    {
        using var stream = File.OpenRead(PathOf(file));
        return JsonEventReader.ReadAsync(stream, TestContext.Current.CancellationToken).ToBlockingEnumerable().ToList();
    }

    public static NormalizeResult Normalize(string source, string file, int index = 0)
    {
        var item = Events(file)[index];
        return Catalog.Normalize(source, item.Element!.Value, item.Raw);
    }

    public static string? Text(this System.Text.Json.Nodes.JsonNode? node, string path)
    {
        var current = node;
        foreach (var step in path.Split('.'))
        {
            current = int.TryParse(step, out var index)
                ? current is JsonArray array && index < array.Count ? array[index] : null
                : current?[step];
        }

        return current?.GetValueKind() switch
        {
            null => null,
            JsonValueKind.String => current.GetValue<string>(),
            _ => current.ToJsonString(),
        };
    }
}
