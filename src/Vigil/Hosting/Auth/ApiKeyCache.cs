using System.Collections.Concurrent;
using Vigil.Domain.Access;
using Vigil.Pipeline.Access;

namespace Vigil.Hosting.Auth;

/// <summary>
/// Remembers successful key checks for a few seconds so that a busy sender does not cost a store read per request.
/// A revocation through this server takes effect at once (<see cref="Evict"/>); one made by another node or the CLI
/// within <see cref="Lifetime"/>. Failures are never cached, so a key created elsewhere works immediately.
/// </summary>
internal sealed class ApiKeyCache(ApiKeyService keys, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    // Bounded so that a flood of distinct valid keys cannot grow it without limit; clearing is cheap and rare.
    private const int MaxEntries = 1024;

    private readonly ConcurrentDictionary<string, (ApiKeyRecord Key, DateTimeOffset Until)> _entries = new(StringComparer.Ordinal);

    public async ValueTask<ApiKeyRecord?> AuthenticateAsync(string token, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_entries.TryGetValue(token, out var hit) && hit.Until > now)
        {
            return hit.Key;
        }

        var key = await keys.AuthenticateAsync(token, cancellationToken);
        if (key is null)
        {
            _entries.TryRemove(token, out _);
            return null;
        }

        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[token] = (key, now + Lifetime);
        return key;
    }

    public void Evict(string keyId)
    {
        foreach (var entry in _entries)
        {
            if (entry.Value.Key.Id == keyId)
            {
                _entries.TryRemove(entry.Key, out _);
            }
        }
    }
}
