using System.Text;
using System.Text.Json;
using Vigil.Detection.Correlation;
using Vigil.Detection.Engine;
using Vigil.Detection.Events;
using Vigil.Detection.Loading;

namespace Vigil.Detection.Tests.Correlation;

public sealed class CorrelationBatchTests
{
    private static (SigmaEngine Sigma, CorrelationBatch Batch) BruteForce()
    {
        var loaded = SigmaRuleLoader.LoadText(SpecExamples.BruteForce, "mr_brute_force.yml");
        var sigma = SigmaEngine.Compile(loaded);
        var set = CorrelationSet.Load(loaded.Correlations, sigma.Rules.Select(r => new SigmaRuleIdentity(r.Rule.Id, r.Rule.Name)));
        return (sigma, new CorrelationBatch(new CorrelationEngine(set)));
    }

    private static IReadOnlyList<SigmaMatch> Login(SigmaEngine sigma, string file, int index, string eventId, int second, bool timed = true)
    {
        var builder = new SigmaEventBuilder().Add("EventID", eventId).Add("User", "bob");
        if (timed)
        {
            builder.Add("@timestamp", CorrelationKit.T0.AddSeconds(second).ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        }

        return sigma.Evaluate(builder.Build(index, file));
    }

    [Fact]
    public void Run_FilesOverlappingInTime_CorrelatesInEventTimeOrder()
    {
        var (sigma, batch) = BruteForce();
        // The success is read first (its file comes first) but happened after the ten failures in the other file.
        var hits = Login(sigma, "a.json", 0, "4624", 300)
            .Concat(Enumerable.Range(0, 10).SelectMany(i => Login(sigma, "b.json", i, "4625", i * 10)))
            .Append(Login(sigma, "b.json", 10, "4625", 0, timed: false).Single());
        foreach (var hit in hits)
        {
            batch.Add(hit);
        }

        var matches = batch.Run();

        Assert.Equal(1, batch.Untimed);
        var outer = Assert.Single(matches, m => m.Standalone);
        Assert.Equal(11, outer.Events.Count);
        Assert.Equal("a.json", outer.Events[^1].Event.Source);
    }

    [Fact]
    public void Write_CorrelationMatch_ProducesJsonWithRuleGroupAndEvents()
    {
        var (sigma, batch) = BruteForce();
        foreach (var hit in Enumerable.Range(0, 10).SelectMany(i => Login(sigma, "b.json", i, "4625", i)))
        {
            batch.Add(hit);
        }

        var match = Assert.Single(batch.Run());
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            CorrelationMatchJson.Write(writer, match);
        }

        var json = JsonDocument.Parse(Encoding.UTF8.GetString(buffer.ToArray())).RootElement;
        Assert.Equal("correlation", json.GetProperty("kind").GetString());
        Assert.Equal("a8418a5a-5fc4-46b5-b23b-6c73beb19d41", json.GetProperty("rule_id").GetString());
        Assert.Equal("event_count", json.GetProperty("correlation_type").GetString());
        Assert.Equal("bob", json.GetProperty("group_by").GetProperty("User").GetString());
        Assert.Equal(10, json.GetProperty("value").GetDouble());
        Assert.Equal(10, json.GetProperty("events").GetArrayLength());
        Assert.Equal("b.json", json.GetProperty("events")[0].GetProperty("file").GetString());
    }
}
