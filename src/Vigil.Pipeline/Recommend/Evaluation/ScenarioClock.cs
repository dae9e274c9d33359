namespace Vigil.Pipeline.Recommend.Evaluation;

/// <summary>The time scenarios are written against (<see cref="ScenarioLoader.Clock"/>), so staleness and ids never depend on when eval runs.</summary>
public sealed class ScenarioClock : TimeProvider
{
    public static ScenarioClock Instance { get; } = new();

    public override DateTimeOffset GetUtcNow() => ScenarioLoader.Clock;
}
