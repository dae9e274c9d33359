namespace Vigil.Pipeline.Recommend.Evaluation;

/// <summary>The recommender measured over a labelled set: agreement, precision and recall, and citation validity.</summary>
public sealed record EvaluationReport
{
    public required string Model { get; init; }

    public required IReadOnlyList<EvaluationRow> Rows { get; init; }

    public int Cases => Rows.Count;

    public double SeverityAgreement => Share(Rows.Count(r => r.SeverityAgrees), Rows.Count);

    /// <summary>Share of cases whose severity is the expected one or next to it.</summary>
    public double SeverityWithinOne => Share(Rows.Count(r => Math.Abs((int)r.Severity - (int)r.ExpectedSeverity) <= 1), Rows.Count);

    public double DispositionAccuracy => Share(Rows.Count(r => r.DispositionAgrees), Rows.Count);

    /// <summary>Share of claims whose citations all exist on the case (the verifier's acceptance).</summary>
    public double CitationValidity => Share(Rows.Sum(r => r.SupportedClaims), Rows.Sum(r => r.Claims));

    public IReadOnlyList<DispositionScore> Dispositions => Enum.GetValues<Disposition>().Select(d =>
    {
        var truePositives = Rows.Count(r => r.Disposition == d && r.ExpectedDisposition == d);
        return new DispositionScore
        {
            Disposition = d,
            Support = Rows.Count(r => r.ExpectedDisposition == d),
            Precision = Share(truePositives, Rows.Count(r => r.Disposition == d)),
            Recall = Share(truePositives, Rows.Count(r => r.ExpectedDisposition == d)),
        };
    }).ToArray();

    private static double Share(int part, int whole) => whole == 0 ? 1 : Math.Round((double)part / whole, 4);
}
