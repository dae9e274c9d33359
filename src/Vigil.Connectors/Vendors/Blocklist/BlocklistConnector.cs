using System.Globalization;
using System.Text.Json;
using System.Xml;
using Vigil.Pipeline.Ports;
using Vigil.Pipeline.Respond.Connectors;

namespace Vigil.Connectors.Vendors.Blocklist;

/// <summary>
/// The blocklist feed Vigil serves itself (<c>GET /feeds/blocklist/{ip|domain|url}.txt</c>): indicator.block adds an
/// entry with an optional expiry, indicator.unblock removes it. Firewalls poll the feed, so nothing outbound is called.
/// Parameters: <c>indicator</c>, optional <c>kind</c> (ip, domain, url; guessed otherwise), optional <c>duration</c>
/// (ISO 8601 like PT4H, or 30m / 4h / 7d) and <c>reason</c>.
/// </summary>
public sealed class BlocklistConnector(IVigilStore store, TimeProvider time) : IActionConnector
{
    public const string Block = "indicator.block";
    public const string Unblock = "indicator.unblock";

    public string Name => "blocklist";

    public IReadOnlyList<string> ActionTypes { get; } = [Block, Unblock];

    public async Task<ConnectorResult> ExecuteAsync(ConnectorCall call, CancellationToken cancellationToken)
    {
        try
        {
            return call.ActionType switch
            {
                Block => await BlockAsync(call, cancellationToken),
                Unblock => await UnblockAsync(call, cancellationToken),
                _ => ConnectorResults.Failed($"connector {Name} does not carry out {call.ActionType}"),
            };
        }
        catch (ConnectorInputException ex)
        {
            return ConnectorResults.Failed($"{Name}: {ex.Message}");
        }
    }

    private async Task<ConnectorResult> BlockAsync(ConnectorCall call, CancellationToken cancellationToken)
    {
        var (kind, value) = BlocklistIndicator.Normalise(call.Require("indicator"), call.Optional("kind"));
        var now = time.GetUtcNow();
        var expires = call.Optional("duration") is { } duration ? now + ParseDuration(duration) : (DateTimeOffset?)null;
        var name = BlocklistIndicator.KindName(kind);
        var until = expires is { } at ? $" until {at:u}" : " with no expiry";
        if (call.Simulate)
        {
            return Simulated($"would add {name} {value} to the blocklist feed{until}", name, value);
        }

        var previous = await store.GetBlocklistEntryAsync(kind, value, cancellationToken);
        await using (var transaction = await store.BeginAsync(cancellationToken))
        {
            await transaction.UpsertBlocklistEntryAsync(new BlocklistEntry
            {
                Kind = kind,
                Value = value,
                AddedAt = now,
                ExpiresAt = expires,
                CaseId = call.CaseId,
                RequestId = call.RequestId,
                Reason = call.Optional("reason"),
            }, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return new ConnectorResult
        {
            Outcome = ConnectorOutcome.Succeeded,
            Summary = $"{name} {value} is on the blocklist feed{until}" + (previous is null ? string.Empty : " (it was already listed; entry renewed)"),
            ExternalReference = $"{name}:{value}",
            RollbackToken = JsonSerializer.Serialize(new { kind = name, value }),
            Details = new Dictionary<string, string>
            {
                ["kind"] = name,
                ["value"] = value,
                ["expires_at"] = expires?.ToString("O", CultureInfo.InvariantCulture) ?? string.Empty,
            },
        };
    }

    private async Task<ConnectorResult> UnblockAsync(ConnectorCall call, CancellationToken cancellationToken)
    {
        var (kind, value) = call.RollbackToken is { } token ? FromToken(token) : BlocklistIndicator.Normalise(call.Require("indicator"), call.Optional("kind"));
        var name = BlocklistIndicator.KindName(kind);
        if (call.Simulate)
        {
            return Simulated($"would remove {name} {value} from the blocklist feed", name, value);
        }

        bool removed;
        await using (var transaction = await store.BeginAsync(cancellationToken))
        {
            removed = await transaction.RemoveBlocklistEntryAsync(kind, value, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        // Removing what is not listed leaves the feed as asked: a retry after a crash must not fail.
        return new ConnectorResult
        {
            Outcome = ConnectorOutcome.Succeeded,
            Summary = removed ? $"{name} {value} removed from the blocklist feed" : $"{name} {value} was not on the blocklist feed",
            ExternalReference = $"{name}:{value}",
            RollbackToken = JsonSerializer.Serialize(new { kind = name, value }),
            Details = new Dictionary<string, string> { ["kind"] = name, ["value"] = value, ["removed"] = removed ? "true" : "false" },
        };
    }

    private static (BlocklistKind, string) FromToken(string token)
    {
        using var document = JsonDocument.Parse(token);
        return BlocklistIndicator.Normalise(document.RootElement.GetProperty("value").GetString()!, document.RootElement.GetProperty("kind").GetString());
    }

    private static ConnectorResult Simulated(string summary, string kind, string value) => new()
    {
        Outcome = ConnectorOutcome.Succeeded,
        Summary = $"simulated, nothing changed: {summary}",
        Details = new Dictionary<string, string> { ["kind"] = kind, ["value"] = value },
    };

    /// <summary>ISO 8601 durations (PT4H, P7D) or the short forms people type (30m, 4h, 7d); between a minute and a year.</summary>
    internal static TimeSpan ParseDuration(string text)
    {
        var value = text.Trim();
        TimeSpan duration;
        if (value.StartsWith('P'))
        {
            try
            {
                duration = XmlConvert.ToTimeSpan(value);
            }
            catch (FormatException)
            {
                throw new ConnectorInputException($"duration '{text}' is not an ISO 8601 duration");
            }
        }
        else if (value.Length > 1 && long.TryParse(value[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var amount) && amount < 1_000_000)
        {
            duration = value[^1] switch
            {
                'm' => TimeSpan.FromMinutes(amount),
                'h' => TimeSpan.FromHours(amount),
                'd' => TimeSpan.FromDays(amount),
                _ => throw new ConnectorInputException($"duration '{text}' must end in m, h or d"),
            };
        }
        else
        {
            throw new ConnectorInputException($"duration '{text}' is not a duration (PT4H, 30m, 4h, 7d)");
        }

        return duration >= TimeSpan.FromMinutes(1) && duration <= TimeSpan.FromDays(366)
            ? duration
            : throw new ConnectorInputException($"duration '{text}' must be between a minute and a year");
    }
}
