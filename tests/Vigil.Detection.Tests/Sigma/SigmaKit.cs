using System.Text;
using Vigil.Detection.Engine;
using Vigil.Detection.Events;
using Vigil.Detection.Loading;
using Vigil.Detection.Pipelines;

namespace Vigil.Detection.Tests.Sigma;

/// <summary>Builds one-rule engines from a detection snippet and events from JSON, as a caller of the engine would.</summary>
internal static class SigmaKit
{
    public static SigmaEngine Engine(string detection, SigmaPipeline? pipeline = null)
    {
        var loaded = SigmaRuleLoader.LoadText(Rule(detection));
        Assert.Empty(loaded.Errors);
        var engine = SigmaEngine.Compile(loaded, pipeline);
        Assert.Empty(engine.Errors);
        return engine;
    }

    public static string Rule(string detection)
    {
        var indented = string.Join("\n", detection.Split('\n').Select(l => "    " + l));
        return $"title: conformance\nid: 00000000-0000-4000-8000-000000000001\nlogsource:\n    product: test\ndetection:\n{indented}\n";
    }

    public static SigmaEvent Event(string json) => Assert.Single(JsonEventReader.ReadAll(Encoding.UTF8.GetBytes(json)));

    public static bool Matches(string detection, string json, SigmaPipeline? pipeline = null) =>
        Engine(detection, pipeline).Evaluate(Event(json)).Count > 0;

    public static string Field(string name, string value) =>
        "{" + $"\"{name}\": {System.Text.Json.JsonSerializer.Serialize(value)}" + "}";
}
