using System.Data.Common;
using Vigil.Domain;
using Vigil.Domain.Access;
using Vigil.Domain.Alerts;
using Vigil.Domain.Cases;
using Vigil.Domain.DeadLetters;
using Vigil.Domain.Ledger;
using Vigil.Storage.Engines;

namespace Vigil.Storage.Sql;

/// <summary>Maps rows (columns as listed in <see cref="Columns"/>) to domain records.</summary>
internal static class Rows
{
    public static Alert Alert(DbDataReader r, StoreEngine engine) => new()
    {
        Id = r.GetString(0),
        Source = r.GetString(1),
        SourceRef = r.GetString(2),
        Title = r.GetString(3),
        Description = r.GetNullableString(4),
        Severity = (Severity)r.GetInt32(5),
        OccurredAt = engine.ReadTime(r, 6),
        ReceivedAt = engine.ReadTime(r, 7),
        Fingerprint = r.GetString(8),
        RawPayload = r.GetString(9),
        Entities = JsonText.ParseEntities(r.GetString(10)),
        Tags = JsonText.ParseStrings(r.GetString(11)),
        FirstSeen = engine.ReadTime(r, 12),
        LastSeen = engine.ReadTime(r, 13),
        OccurrenceCount = r.GetInt64(14),
        CaseId = r.FieldCount > 15 ? r.GetNullableString(15) : null,
    };

    public static Case Case(DbDataReader r, StoreEngine engine) => new()
    {
        Id = r.GetString(0),
        Title = r.GetString(1),
        State = State(r.GetString(2)),
        Severity = (Severity)r.GetInt32(3),
        SeverityAtOpen = (Severity)r.GetInt32(4),
        Owner = r.GetNullableString(5),
        OpenedAt = engine.ReadTime(r, 6),
        UpdatedAt = engine.ReadTime(r, 7),
        SlaDueAt = engine.ReadTime(r, 8),
        ClosedAt = engine.ReadNullableTime(r, 9),
        Classification = r.IsDBNull(10) ? null : Classification(r.GetString(10)),
        ClosureNote = r.GetNullableString(11),
        RootCause = r.GetNullableString(12),
        StateBeforeClose = r.IsDBNull(13) ? null : State(r.GetString(13)),
        MergedInto = r.GetNullableString(14),
        AlertCount = r.GetInt32(15),
        Version = r.GetInt64(16),
    };

    public static CaseAlertLink Link(DbDataReader r, StoreEngine engine) => new()
    {
        CaseId = r.GetString(0),
        AlertId = r.GetString(1),
        OriginCaseId = r.GetString(2),
        JoinedAt = engine.ReadTime(r, 3),
        Reason = r.GetString(4),
    };

    public static CaseNote Note(DbDataReader r, StoreEngine engine) => new()
    {
        Id = r.GetString(0),
        CaseId = r.GetString(1),
        Author = r.GetString(2),
        Text = r.GetString(3),
        At = engine.ReadTime(r, 4),
    };

    public static LedgerEntry LedgerEntry(DbDataReader r, StoreEngine engine) => new()
    {
        ChainId = r.GetString(0),
        Seq = r.GetInt64(1),
        Kind = r.GetString(2),
        Actor = Actor.Parse(r.GetString(3)),
        At = engine.ReadTime(r, 4),
        Payload = r.GetString(5),
        PrevHash = r.GetString(6),
        Hash = r.GetString(7),
    };

    public static DeadLetter DeadLetter(DbDataReader r, StoreEngine engine) => new()
    {
        Id = r.GetString(0),
        Source = r.GetString(1),
        ReceivedAt = engine.ReadTime(r, 2),
        Reason = r.GetString(3),
        Payload = r.GetString(4),
        ContentType = r.GetNullableString(5),
        Status = DeadLetterStatusOf(r.GetString(6)),
        ResolvedAt = engine.ReadNullableTime(r, 7),
        Resolution = r.GetNullableString(8),
        Channel = r.GetString(9),
    };

    public static ApiKeyRecord ApiKey(DbDataReader r, StoreEngine engine) => new()
    {
        Id = r.GetString(0),
        Name = r.GetString(1),
        Scopes = JsonText.ParseStrings(r.GetString(2)),
        SecretHash = r.GetString(3),
        CreatedAt = engine.ReadTime(r, 4),
        CreatedBy = r.GetString(5),
        Source = r.GetNullableString(6),
        RevokedAt = engine.ReadNullableTime(r, 7),
    };

    public static UserRecord User(DbDataReader r, StoreEngine engine) => new()
    {
        Id = r.GetString(0),
        Username = r.GetString(1),
        PasswordHash = r.GetString(2),
        Roles = JsonText.ParseStrings(r.GetString(3)),
        MustChangePassword = r.GetBoolean(4),
        CreatedAt = engine.ReadTime(r, 5),
        DisabledAt = engine.ReadNullableTime(r, 6),
        TotpSecretProtected = r.GetNullableString(7),
        TotpEnabledAt = engine.ReadNullableTime(r, 8),
        TotpLastStep = r.IsDBNull(9) ? null : r.GetInt64(9),
        FailedSignIns = r.GetInt32(10),
        LockedUntil = engine.ReadNullableTime(r, 11),
        LastSignInAt = engine.ReadNullableTime(r, 12),
        SecurityStamp = r.GetString(13),
    };

    public static string ToWire(this DeadLetterStatus status) => status switch
    {
        DeadLetterStatus.Pending => "pending",
        DeadLetterStatus.Replayed => "replayed",
        DeadLetterStatus.Discarded => "discarded",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    private static DeadLetterStatus DeadLetterStatusOf(string text) => text switch
    {
        "pending" => DeadLetterStatus.Pending,
        "replayed" => DeadLetterStatus.Replayed,
        "discarded" => DeadLetterStatus.Discarded,
        _ => throw new InvalidDataException($"stored dead-letter status '{text}' is unknown"),
    };

    private static CaseState State(string text) =>
        CaseNames.TryParseState(text, out var state) ? state : throw new InvalidDataException($"stored case state '{text}' is unknown");

    public static Classification Classification(string text) =>
        CaseNames.TryParseClassification(text, out var value) ? value : throw new InvalidDataException($"stored classification '{text}' is unknown");

    public static Pipeline.Ports.SavedView SavedView(DbDataReader r, StoreEngine engine) => new()
    {
        Id = r.GetString(0),
        Owner = r.GetString(1),
        Name = r.GetString(2),
        Query = r.GetString(3),
        CreatedAt = engine.ReadTime(r, 4),
    };
}
