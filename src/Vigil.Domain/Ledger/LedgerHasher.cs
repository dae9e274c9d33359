using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Vigil.Domain.Ledger;

/// <summary>
/// SHA-256 over a fixed, line-separated rendering of an entry. Time is truncated to microseconds before it is hashed
/// because that is what PostgreSQL's timestamptz keeps; the same entry must hash the same on either engine.
/// </summary>
public static class LedgerHasher
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static DateTimeOffset Truncate(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % 10), TimeSpan.Zero);
    }

    public static string FormatTime(DateTimeOffset at) =>
        Truncate(at).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    public static string Compute(string chainId, long seq, string kind, Actor actor, DateTimeOffset at, string payload, string prevHash)
    {
        var text = string.Join('\n',
            chainId,
            seq.ToString(CultureInfo.InvariantCulture),
            kind,
            actor.ToString(),
            FormatTime(at),
            prevHash,
            payload);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Builds the next link after <paramref name="head"/> (null for a new chain).</summary>
    public static LedgerEntry Next(LedgerHead? head, string chainId, string kind, Actor actor, DateTimeOffset at, string payload)
    {
        var seq = (head?.Seq ?? 0) + 1;
        var prev = head?.Hash ?? Genesis;
        var time = Truncate(at);
        return new LedgerEntry
        {
            ChainId = chainId,
            Seq = seq,
            Kind = kind,
            Actor = actor,
            At = time,
            Payload = payload,
            PrevHash = prev,
            Hash = Compute(chainId, seq, kind, actor, time, payload, prev),
        };
    }
}
