using System.Text.Json;
using Vigil.Domain.Ledger;

namespace Vigil.Pipeline.Evidence.Controls;

/// <summary>A ledger kind (exact, or a prefix ending in <c>*</c>) and payload fields that must equal given values.</summary>
public sealed record EvidenceMatcher(string Kind, IReadOnlyDictionary<string, string> Where)
{
    public bool Matches(LedgerEntry entry)
    {
        var kindMatches = Kind.EndsWith('*')
            ? entry.Kind.StartsWith(Kind[..^1], StringComparison.Ordinal)
            : string.Equals(entry.Kind, Kind, StringComparison.Ordinal);
        if (!kindMatches || Where.Count == 0)
        {
            return kindMatches;
        }

        try
        {
            using var payload = JsonDocument.Parse(entry.Payload);
            foreach (var (field, value) in Where)
            {
                if (payload.RootElement.ValueKind != JsonValueKind.Object
                    || !payload.RootElement.TryGetProperty(field, out var actual)
                    || actual.ValueKind != JsonValueKind.String
                    || !string.Equals(actual.GetString(), value, StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public override string ToString() =>
        Where.Count == 0 ? Kind : $"{Kind} ({string.Join(", ", Where.Select(w => $"{w.Key}={w.Value}"))})";
}
