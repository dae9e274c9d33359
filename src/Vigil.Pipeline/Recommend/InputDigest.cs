using System.Security.Cryptography;
using System.Text;
using Vigil.Pipeline.Evidence;

namespace Vigil.Pipeline.Recommend;

/// <summary>SHA-256 over a canonical rendering of the dossier: equal inputs give equal digests on any node.</summary>
public static class InputDigest
{
    public static string Of(CaseDossier dossier)
    {
        var canonical = LedgerPayload.From(new
        {
            case_id = dossier.Case.Id,
            alerts = dossier.Alerts.OrderBy(a => a.Id, StringComparer.Ordinal).Select(a => new
            {
                a.Id,
                a.Source,
                a.Title,
                severity = (int)a.Severity,
                tags = a.Tags,
                entities = a.Entities.Select(e => e.Key),
                payload = Sha256(a.RawPayload),
            }),
            entities = dossier.Entities.Select(e => e.Key).Order(StringComparer.Ordinal),
            enrichments = dossier.Enrichments.OrderBy(e => e.Id, StringComparer.Ordinal).Select(e => new
            {
                e.Id,
                e.Source,
                e.EntityKey,
                status = e.Status.ToString(),
                e.Verdict,
                e.Score,
                attributes = e.Attributes.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value),
            }),
            priors = dossier.PriorCases.OrderBy(p => p.CaseId, StringComparer.Ordinal).Select(p => p.CaseId + "=" + p.Classification),
            detectors = dossier.Detectors.OrderBy(d => d.Detector, StringComparer.Ordinal).Select(d => $"{d.Detector}={d.TruePositives}/{d.BenignPositives}/{d.FalsePositives}"),
        });
        return Sha256(canonical);
    }

    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
