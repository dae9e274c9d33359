using Vigil.Domain.Actions;
using Vigil.Domain.Ledger;
using Vigil.Pipeline.Ports;

namespace Vigil.Pipeline.Evidence.Controls;

/// <summary>
/// Builds the control report: every case chain with entries in the period is read whole (gap checks need the history
/// before the period too), its in-period entries are matched to each control's evidence, and its gaps are assigned to
/// the controls that name their check.
/// </summary>
public sealed class ControlReporter(IVigilStore store, FrameworkCatalog frameworks, ActionCatalogue actions, TimeProvider time)
{
    public async Task<ControlReport> BuildAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var inPeriod = new Dictionary<string, List<LedgerEntry>>(StringComparer.Ordinal);
        await foreach (var entry in CaseScan.LedgerAsync(store, from, to, cancellationToken))
        {
            if (entry.ChainId == LedgerChains.System)
            {
                continue;
            }

            if (!inPeriod.TryGetValue(entry.ChainId, out var list))
            {
                inPeriod[entry.ChainId] = list = [];
            }

            list.Add(entry);
        }

        var gaps = new List<Gap>();
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var caseId in inPeriod.Keys)
        {
            var found = await store.GetCaseAsync(caseId, cancellationToken);
            if (found is null)
            {
                continue;
            }

            titles[caseId] = found.Title;
            var chain = await store.ReadLedgerAsync(caseId, cancellationToken);
            gaps.AddRange(GapChecks.Evaluate(found, chain, actions, now).Where(g => g.At >= from && g.At < to));
        }

        var results = frameworks.Frameworks.Select(framework => new FrameworkResult(
            framework.Id,
            framework.Name,
            framework.Controls.Select(control => Control(control, inPeriod, titles, gaps)).ToArray())).ToArray();
        return new ControlReport(from, to, now, titles.Count, results, gaps);
    }

    private static ControlResult Control(ControlMapping control, Dictionary<string, List<LedgerEntry>> inPeriod, Dictionary<string, string> titles, List<Gap> gaps)
    {
        var cases = new List<ControlCase>();
        foreach (var (caseId, entries) in inPeriod)
        {
            if (!titles.TryGetValue(caseId, out var title))
            {
                continue;
            }

            var matched = entries.Where(e => control.Evidence.Any(m => m.Matches(e))).ToArray();
            if (matched.Length > 0)
            {
                cases.Add(new ControlCase(caseId, title, matched.Select(e => e.Seq).ToArray(), matched.Select(e => e.Kind).Distinct().Order(StringComparer.Ordinal).ToArray()));
            }
        }

        var against = gaps.Where(g => control.Gaps.Contains(g.Check)).ToArray();
        var status = against.Length > 0 ? "gaps" : cases.Count > 0 ? "evidenced" : "no_evidence";
        return new ControlResult(control.Id, control.Title, status, control.Evidence.Select(m => m.ToString()).ToArray(), cases.OrderBy(c => c.CaseId, StringComparer.Ordinal).ToArray(), against);
    }
}
