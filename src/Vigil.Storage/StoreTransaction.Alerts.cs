using System.Data.Common;
using Vigil.Domain.Alerts;
using Vigil.Domain.Cases;
using Vigil.Domain.Entities;
using Vigil.Pipeline.Ports;
using Vigil.Storage.Engines;
using Vigil.Storage.Sql;

namespace Vigil.Storage;

internal sealed partial class StoreTransaction
{
    public async Task<AlertUpsert> UpsertAlertAsync(Alert alert, CancellationToken cancellationToken)
    {
        var insert = await PreparedAsync(HotStatements.InsertAlert, cancellationToken);
        insert.Set(0, alert.Id);
        insert.Set(1, alert.Source);
        insert.Set(2, alert.SourceRef);
        insert.Set(3, alert.Title);
        insert.Set(4, alert.Description);
        insert.Set(5, (int)alert.Severity);
        insert.Set(6, engine.ToDb(alert.OccurredAt));
        insert.Set(7, engine.ToDb(alert.ReceivedAt));
        insert.Set(8, alert.Fingerprint);
        insert.Set(9, alert.RawPayload);
        insert.Set(10, Json.Entities(alert.Entities));
        insert.Set(11, Json.Strings(alert.Tags));
        insert.Set(12, engine.ToDb(alert.FirstSeen));
        insert.Set(13, engine.ToDb(alert.LastSeen));
        if (await insert.ExecuteNonQueryAsync(cancellationToken) == 1)
        {
            // What was stored is the alert itself, at the store's time resolution.
            return new AlertUpsert(
                alert with
                {
                    OccurredAt = UnixMicros.Truncate(alert.OccurredAt),
                    ReceivedAt = UnixMicros.Truncate(alert.ReceivedAt),
                    FirstSeen = UnixMicros.Truncate(alert.FirstSeen),
                    LastSeen = UnixMicros.Truncate(alert.LastSeen),
                    OccurrenceCount = 1,
                    CaseId = null,
                },
                Created: true);
        }

        var count = await PreparedAsync(HotStatements.CountRepeat, cancellationToken);
        count.Set(0, engine.ToDb(alert.LastSeen));
        count.Set(1, alert.Fingerprint);
        await count.ExecuteNonQueryAsync(cancellationToken);
        var select = await PreparedAsync(HotStatements.SelectAlertByFingerprint, cancellationToken);
        select.Set(0, alert.Fingerprint);
        var stored = await Query.FirstAsync(select, engine, Rows.Alert, cancellationToken)
            ?? throw new InvalidOperationException($"alert {alert.Fingerprint} vanished inside its own transaction");
        return new AlertUpsert(stored, Created: false);
    }

    public async Task AttachAlertAsync(CaseAlertLink link, Alert alert, CancellationToken cancellationToken)
    {
        var insert = await PreparedAsync(HotStatements.InsertLink, cancellationToken);
        insert.Set(0, link.CaseId);
        insert.Set(1, link.AlertId);
        insert.Set(2, link.OriginCaseId);
        insert.Set(3, engine.ToDb(link.JoinedAt));
        insert.Set(4, link.Reason);
        await insert.ExecuteNonQueryAsync(cancellationToken);
        await AddCaseEntitiesAsync(link.CaseId, alert.Entities, null, alert.LastSeen, alert.OccurredAt, cancellationToken);
    }

    public async Task MoveAlertAsync(string alertId, string toCaseId, CancellationToken cancellationToken)
    {
        string fromCaseId;
        string entitiesJson;
        DateTimeOffset lastSeen;
        DateTimeOffset occurredAt;
        await using (var find = Command(
            $"SELECT l.case_id, a.entities, a.last_seen, a.occurred_at FROM {VigilTables.CaseAlerts} l JOIN {VigilTables.Alerts} a ON a.id = l.alert_id WHERE l.alert_id = @alert_id")
            .Add("@alert_id", alertId))
        await using (var reader = await find.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                throw new InvalidOperationException($"alert {alertId} is in no case, so it cannot be moved");
            }

            fromCaseId = reader.GetString(0);
            entitiesJson = reader.GetString(1);
            lastSeen = engine.ReadTime(reader, 2);
            occurredAt = engine.ReadTime(reader, 3);
        }

        if (string.Equals(fromCaseId, toCaseId, StringComparison.Ordinal))
        {
            return;
        }

        await using (var move = Command($"UPDATE {VigilTables.CaseAlerts} SET case_id = @to WHERE alert_id = @alert_id")
            .Add("@to", toCaseId)
            .Add("@alert_id", alertId))
        {
            await move.ExecuteNonQueryAsync(cancellationToken);
        }

        // The entities of a case are the entities of its alerts: the target gains the moved alert's (keeping when the
        // source first saw them), the source keeps only those its remaining alerts still carry.
        var firstSeen = await CaseEntityFirstSeenAsync(fromCaseId, cancellationToken);
        await AddCaseEntitiesAsync(toCaseId, JsonText.ParseEntities(entitiesJson), firstSeen, lastSeen, occurredAt, cancellationToken);
        await PruneCaseEntitiesAsync(fromCaseId, firstSeen.Keys, cancellationToken);
    }

    private async Task AddCaseEntitiesAsync(
        string caseId, IReadOnlyList<Entity> entities, Dictionary<string, DateTimeOffset>? firstSeen, DateTimeOffset seen, DateTimeOffset activeAt, CancellationToken cancellationToken)
    {
        // PostgreSQL refuses an ON CONFLICT DO UPDATE that meets the same row twice in one statement; alerts made by
        // AlertDraft are already distinct, others may not be.
        entities = DistinctEntities(entities);
        var seenValue = engine.ToDb(seen);
        var activeValue = engine.ToDb(activeAt);
        for (var start = 0; start < entities.Count; start += HotStatements.CaseEntitiesPerStatement)
        {
            var rows = Math.Min(HotStatements.CaseEntitiesPerStatement, entities.Count - start);
            var link = await PreparedAsync(HotStatements.InsertCaseEntities(rows), cancellationToken);
            link.Set(0, caseId);
            for (var i = 0; i < rows; i++)
            {
                var entity = entities[start + i];
                var key = entity.Key;
                var type = entity.Type.ToWire();
                await UpsertEntityAsync(key, type, entity.Value, seen, seenValue, cancellationToken);
                var at = 1 + (i * 5);
                link.Set(at, key);
                link.Set(at + 1, type);
                link.Set(at + 2, entity.Value);
                link.Set(at + 3, firstSeen is not null && firstSeen.TryGetValue(key, out var first) ? engine.ToDb(first) : seenValue);
                link.Set(at + 4, activeValue);
            }

            await link.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static IReadOnlyList<Entity> DistinctEntities(IReadOnlyList<Entity> entities)
    {
        for (var i = 1; i < entities.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (entities[i].Equals(entities[j]))
                {
                    return entities.Distinct().ToArray();
                }
            }
        }

        return entities;
    }

    private async Task UpsertEntityAsync(string key, string type, string value, DateTimeOffset seen, object seenValue, CancellationToken cancellationToken)
    {
        // A batch names the same hosts and addresses again and again; each needs upserting once per transaction
        // unless a later sighting moves its last_seen.
        if (_entitiesSeen.TryGetValue(key, out var known) && known >= seen)
        {
            return;
        }

        var upsert = await PreparedAsync(HotStatements.UpsertEntity, cancellationToken);
        upsert.Set(0, key);
        upsert.Set(1, type);
        upsert.Set(2, value);
        upsert.Set(3, seenValue);
        await upsert.ExecuteNonQueryAsync(cancellationToken);
        _entitiesSeen[key] = seen;
    }

    private async Task<Dictionary<string, DateTimeOffset>> CaseEntityFirstSeenAsync(string caseId, CancellationToken cancellationToken)
    {
        await using var command = Command($"SELECT entity_key, first_seen FROM {VigilTables.CaseEntities} WHERE case_id = @case_id").Add("@case_id", caseId);
        var rows = await Query.ListAsync(command, engine, static (r, e) => (Key: r.GetString(0), FirstSeen: e.ReadTime(r, 1)), cancellationToken);
        return rows.ToDictionary(row => row.Key, row => row.FirstSeen, StringComparer.Ordinal);
    }

    private async Task PruneCaseEntitiesAsync(string caseId, IEnumerable<string> currentKeys, CancellationToken cancellationToken)
    {
        var kept = new HashSet<string>(StringComparer.Ordinal);
        await using (var command = Command(
            $"SELECT a.entities FROM {VigilTables.CaseAlerts} l JOIN {VigilTables.Alerts} a ON a.id = l.alert_id WHERE l.case_id = @case_id")
            .Add("@case_id", caseId))
        {
            foreach (var json in await Query.ListAsync(command, engine, static (r, _) => r.GetString(0), cancellationToken))
            {
                foreach (var entity in JsonText.ParseEntities(json))
                {
                    kept.Add(entity.Key);
                }
            }
        }

        foreach (var key in currentKeys.Where(key => !kept.Contains(key)).ToArray())
        {
            await using var delete = Command($"DELETE FROM {VigilTables.CaseEntities} WHERE case_id = @case_id AND entity_key = @entity_key")
                .Add("@case_id", caseId)
                .Add("@entity_key", key);
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
