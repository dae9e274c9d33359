using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Pipeline.Normalize;
using Vigil.Testing;

namespace Vigil.Pipeline.Tests.Normalize;

/// <summary>
/// The OTRF Security-Datasets recordings (real Windows attacks, 546 events of 31 channel/event-id shapes) through both
/// Windows mappings: as recorded (NXLog-flattened) and rebuilt in evtx_dump's nested shape. Every one must map.
/// </summary>
public sealed class WindowsOtrfTests
{
    private static readonly Lazy<List<JsonObject>> Events = new(() =>
        [.. Directory.EnumerateFiles(RepositoryPaths.Combine("tests", "fixtures", "otrf"), "*.json*")
            .Order(StringComparer.Ordinal)
            .SelectMany(File.ReadLines)
            .Where(line => line.Trim().Length > 0)
            .Select(line => JsonNode.Parse(line)!.AsObject())]);

    private static readonly string[] SystemFields = ["Channel", "EventID", "Level", "Task", "Keywords", "TimeCreated", "SourceName", "ProviderGuid", "Hostname", "Message", "@timestamp"];

    [Fact]
    public void WindowsNxlog_EveryOtrfEvent_Maps()
    {
        var catalog = MappingCatalog.Load();
        var failures = Events.Value
            .Select(e => catalog.Normalize("windows_nxlog", JsonSerializer.SerializeToElement(e), e.ToJsonString()))
            .Where(r => !r.Succeeded)
            .Select(r => r.Failure)
            .ToList();

        Assert.Equal(546, Events.Value.Count);
        Assert.Empty(failures);
    }

    [Fact]
    public void WindowsEvtx_EveryOtrfEventInTheNestedShape_Maps()
    {
        var catalog = MappingCatalog.Load();
        var failures = new List<string>();
        foreach (var flat in Events.Value)
        {
            var nested = Nested(flat);
            var result = catalog.Normalize(MappingCatalog.Auto, JsonSerializer.SerializeToElement(nested), nested.ToJsonString());
            if (!result.Succeeded || result.Source != "windows_evtx")
            {
                failures.Add($"{flat["Channel"]} {flat["EventID"]}: {result.Source}: {result.Failure}");
            }
        }

        Assert.Empty(failures);
    }

    /// <summary>evtx_dump's shape: {"Event": {"System": {..., "TimeCreated": {"#attributes": {"SystemTime"}}}, "EventData": {...}}}.</summary>
    private static JsonObject Nested(JsonObject flat)
    {
        var system = new JsonObject
        {
            ["EventID"] = flat["EventID"]!.DeepClone(),
            ["Channel"] = flat["Channel"]!.DeepClone(),
            ["Computer"] = flat["Hostname"]!.DeepClone(),
            ["Level"] = flat["Level"]?.DeepClone() ?? 4,
            ["EventRecordID"] = 1,
            ["TimeCreated"] = new JsonObject { ["#attributes"] = new JsonObject { ["SystemTime"] = (flat["TimeCreated"] ?? flat["@timestamp"])!.DeepClone() } },
        };
        var data = new JsonObject();
        foreach (var (name, value) in flat)
        {
            if (Array.IndexOf(SystemFields, name) < 0)
            {
                data[name] = value?.DeepClone();
            }
        }

        return new JsonObject { ["Event"] = new JsonObject { ["System"] = system, ["EventData"] = data } };
    }
}
