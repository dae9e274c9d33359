namespace Vigil.Pipeline.Recommend;

/// <summary>How a detector's alerts were classified on closed cases: its track record.</summary>
public sealed record DetectorRecord
{
    /// <summary>Source and title of the alerts, e.g. <c>sigma:Mimikatz Command Line</c>.</summary>
    public required string Detector { get; init; }

    public int TruePositives { get; init; }

    public int BenignPositives { get; init; }

    public int FalsePositives { get; init; }

    public int Total => TruePositives + BenignPositives + FalsePositives;

    public static string NameOf(string source, string title) => string.Concat(source, ":", title);
}
