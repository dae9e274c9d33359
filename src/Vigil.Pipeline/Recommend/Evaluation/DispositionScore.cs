namespace Vigil.Pipeline.Recommend.Evaluation;

public sealed record DispositionScore
{
    public required Disposition Disposition { get; init; }

    /// <summary>How many scenarios carry this label.</summary>
    public required int Support { get; init; }

    public required double Precision { get; init; }

    public required double Recall { get; init; }
}
