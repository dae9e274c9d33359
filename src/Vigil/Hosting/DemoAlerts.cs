using Microsoft.Extensions.DependencyInjection;
using Vigil.Domain.Alerts;
using Vigil.Domain.Ledger;
using Vigil.Pipeline.Ingest;
using Vigil.Pipeline.Ports;

namespace Vigil.Hosting;

/// <summary>
/// Feeds content/demo/alerts.json through the real parser and ingestor. Idempotent: every demo alert has a fixed
/// source_ref, and those already stored are skipped, so restarting with --demo neither duplicates nor counts repeats.
/// </summary>
internal static class DemoAlerts
{
    public static string FilePath => Path.Combine(AppContext.BaseDirectory, "content", "demo", "alerts.json");

    public static async Task<(int Created, int Present)> FeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var body = await File.ReadAllBytesAsync(FilePath, cancellationToken);
        var submission = services.GetRequiredService<AlertSubmissionParser>().Parse(body);
        if (!submission.IsValid)
        {
            throw new InvalidDataException($"{FilePath} is not a valid alert batch: {string.Join("; ", submission.Errors)}");
        }

        var store = services.GetRequiredService<IVigilStore>();
        var missing = new List<AlertDraft>();
        foreach (var draft in submission.Drafts)
        {
            var fingerprint = draft.ToAlert("probe", DateTimeOffset.UnixEpoch).Fingerprint;
            if (await store.FindAlertByFingerprintAsync(fingerprint, cancellationToken) is null)
            {
                missing.Add(draft);
            }
        }

        if (missing.Count > 0)
        {
            await services.GetRequiredService<AlertIngestor>().IngestAsync(missing, Actor.Automation("demo"), cancellationToken);
        }

        return (missing.Count, submission.Drafts.Count - missing.Count);
    }
}
