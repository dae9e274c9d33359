using Vigil.Domain.Cases;
using Vigil.Pipeline.Ports;

namespace Vigil.Pipeline.Recommend.Learning;

/// <summary>
/// Builds the training set from the store: every closed case an analyst classified true positive, benign or false
/// positive, featurised by the built-in analyst exactly as a live case would be — except that a case's own decision
/// is taken out of its detectors' track record first, or the label would leak into its features.
/// </summary>
public sealed class TrainingSet(IVigilStore store, DossierLoader loader, BuiltInAnalyst analyst, TimeProvider time)
{
    public async Task<IReadOnlyList<LabelledCase>> BuildAsync(CancellationToken cancellationToken)
    {
        var cases = new List<LabelledCase>();
        string? after = null;
        do
        {
            var page = await store.ListCasesAsync(new CaseQuery { States = [CaseState.Closed], Sort = CaseSort.OpenedAsc, Limit = 200, After = after }, cancellationToken);
            foreach (var closed in page.Items)
            {
                if (closed.MergedInto is not null || closed.Classification is not { } classification || DispositionNames.FromClassification(classification) is not { } label)
                {
                    continue;
                }

                var dossier = await loader.LoadAsync(closed.Id, cancellationToken);
                if (dossier is null || dossier.Alerts.Count == 0)
                {
                    continue;
                }

                var own = dossier with { Detectors = dossier.Detectors.Select(d => WithoutOwn(d, dossier, label)).ToArray() };
                var opinion = analyst.Analyse(own, time.GetUtcNow());
                cases.Add(new LabelledCase(closed.Id, FeatureExtractor.Vector(opinion.Features), label));
            }

            after = page.Next;
        }
        while (after is not null);

        return cases;
    }

    private static DetectorRecord WithoutOwn(DetectorRecord record, CaseDossier dossier, Disposition label)
    {
        if (!dossier.Alerts.Any(a => DetectorRecord.NameOf(a.Source, a.Title) == record.Detector))
        {
            return record;
        }

        return label switch
        {
            Disposition.TruePositive => record with { TruePositives = Math.Max(0, record.TruePositives - 1) },
            Disposition.BenignPositive => record with { BenignPositives = Math.Max(0, record.BenignPositives - 1) },
            _ => record with { FalsePositives = Math.Max(0, record.FalsePositives - 1) },
        };
    }
}
