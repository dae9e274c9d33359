using System.Data.Common;
using Vigil.Pipeline.Ports;
using Vigil.Storage.Engines;

namespace Vigil.Storage.Sql;

/// <summary>Columns and row mapping for ledger-stream receivers.</summary>
internal static class StreamRows
{
    public const string ReceiverColumns = "receiver, delivered, failures, attempts, next_attempt_at, last_error, last_delivered_at, lease_owner, lease_until";

    public static StreamReceiverState Receiver(DbDataReader r, StoreEngine engine) => new()
    {
        Receiver = r.GetString(0),
        Delivered = r.GetInt64(1),
        Failures = r.GetInt64(2),
        Attempts = r.GetInt64(3),
        NextAttemptAt = engine.ReadNullableTime(r, 4),
        LastError = r.GetNullableString(5),
        LastDeliveredAt = engine.ReadNullableTime(r, 6),
        LeaseOwner = r.GetNullableString(7),
        LeaseUntil = engine.ReadNullableTime(r, 8),
    };
}
