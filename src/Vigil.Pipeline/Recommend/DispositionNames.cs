using Vigil.Domain.Cases;

namespace Vigil.Pipeline.Recommend;

public static class DispositionNames
{
    public static string ToWire(this Disposition disposition) => disposition switch
    {
        Disposition.TruePositive => "true_positive",
        Disposition.BenignPositive => "benign_positive",
        Disposition.FalsePositive => "false_positive",
        _ => throw new ArgumentOutOfRangeException(nameof(disposition), disposition, null),
    };

    public static bool TryParse(string? text, out Disposition disposition)
    {
        foreach (var candidate in Enum.GetValues<Disposition>())
        {
            if (string.Equals(candidate.ToWire(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                disposition = candidate;
                return true;
            }
        }

        disposition = default;
        return false;
    }

    /// <summary>The disposition an analyst's closure amounts to; duplicates and suppressions say nothing about the detector.</summary>
    public static Disposition? FromClassification(Classification classification) => classification switch
    {
        Classification.TruePositive => Disposition.TruePositive,
        Classification.BenignPositive => Disposition.BenignPositive,
        Classification.FalsePositive => Disposition.FalsePositive,
        _ => null,
    };
}
