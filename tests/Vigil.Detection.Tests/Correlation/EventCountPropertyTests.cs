using CsCheck;
using Vigil.Detection.Correlation;

namespace Vigil.Detection.Tests.Correlation;

public sealed class EventCountPropertyTests
{
    [Fact]
    public void Process_RandomTimestamps_FirstMatchIsFirstDenseWindowByBruteForce()
    {
        var gen = Gen.Select(Gen.Int[0, 600].Array[0, 60], Gen.Int[1, 6], Gen.Int[1, 120]);
        gen.Sample((offsets, threshold, spanSeconds) =>
        {
            var engine = CorrelationKit.Engine($$"""
                title: Burst
                correlation:
                    type: event_count
                    rules: [r]
                    group-by: [Host]
                    timespan: {{spanSeconds}}s
                    condition:
                        gte: {{threshold}}
                """);
            var kit = new CorrelationKit();
            var sorted = offsets.Order().ToArray();
            var matches = CorrelationKit.Run(engine, sorted.Select(s => kit.Hit("r", s, ("Host", "h"))));

            // Brute force: the first hit i whose trailing timespan [t_i - span, t_i] holds at least `threshold` hits.
            int? firstDense = null;
            for (var i = 0; i < sorted.Length && firstDense is null; i++)
            {
                if (sorted.Count(t => t >= sorted[i] - spanSeconds && t <= sorted[i]) >= threshold)
                {
                    firstDense = sorted[i];
                }
            }

            var consumed = matches.SelectMany(m => m.Events.Select(e => e.Event)).ToList();
            return (firstDense is null) == (matches.Count == 0)
                && (firstDense is null || (matches[0].LastSeen - CorrelationKit.T0).TotalSeconds == firstDense)
                && matches.All(m => m.Events.Count >= threshold && m.LastSeen - m.FirstSeen <= TimeSpan.FromSeconds(spanSeconds))
                && consumed.Distinct().Count() == consumed.Count;
        }, iter: 300);
    }
}
