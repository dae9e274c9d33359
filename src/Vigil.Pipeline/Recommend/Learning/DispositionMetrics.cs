namespace Vigil.Pipeline.Recommend.Learning;

/// <summary>How a trained disposition model did on the held-out split.</summary>
public sealed record DispositionMetrics
{
    public required int TrainedOn { get; init; }

    public required int HeldOut { get; init; }

    /// <summary>Of the cases predicted true positive, the share that were.</summary>
    public required double Precision { get; init; }

    /// <summary>Of the true positives, the share predicted so.</summary>
    public required double Recall { get; init; }

    public required double AreaUnderRocCurve { get; init; }

    /// <summary>Mean squared error of the predicted probability (0 is perfect, 0.25 is a coin).</summary>
    public required double BrierScore { get; init; }

    /// <summary>Expected calibration error over ten probability bins: how far predicted odds are from observed rates.</summary>
    public required double CalibrationError { get; init; }

    public required DateTimeOffset TrainedAt { get; init; }

    public string Describe() => FormattableString.Invariant(
        $"held-out precision {Precision:0.00}, recall {Recall:0.00}, AUC {AreaUnderRocCurve:0.00}, Brier {BrierScore:0.000}, calibration error {CalibrationError:0.000} on {HeldOut} cases");
}
