using Vigil.Pipeline.Ports;

namespace Vigil.Pipeline.Enrich.Intel;

/// <summary>
/// The stored indicators as an in-memory <see cref="IndicatorIndex"/> (CIDR and parent-domain matching do not map onto
/// an SQL lookup). Rebuilt when the store's <see cref="IntelStamp"/> moves, checked at most every few seconds so a
/// burst of lookups costs one stamp query, and at once after <see cref="Invalidate"/>.
/// </summary>
public sealed class IntelIndexCache(IVigilStore store, TimeProvider time)
{
    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(5);
    private const int Page = 10_000;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private IndicatorIndex? _index;
    private IntelStamp _stamp;
    private DateTimeOffset _checkedAt = DateTimeOffset.MinValue;

    public async Task<IndicatorIndex> GetAsync(CancellationToken cancellationToken)
    {
        if (_index is { } current && time.GetUtcNow() - _checkedAt < CheckEvery)
        {
            return current;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            if (_index is not null && now - _checkedAt < CheckEvery)
            {
                return _index;
            }

            var stamp = await store.GetIntelStampAsync(cancellationToken);
            if (_index is null || stamp != _stamp)
            {
                _index = new IndicatorIndex(await ReadAllAsync(cancellationToken), time);
                _stamp = stamp;
            }

            _checkedAt = now;
            return _index;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Makes the next lookup check the store (after an import in this process).</summary>
    public void Invalidate() => _checkedAt = DateTimeOffset.MinValue;

    private async Task<List<Indicator>> ReadAllAsync(CancellationToken cancellationToken)
    {
        var all = new List<Indicator>();
        string? after = null;
        while (true)
        {
            var page = await store.ListIndicatorsAsync(after, Page, null, null, cancellationToken);
            foreach (var stored in page)
            {
                all.Add(stored.Indicator);
            }

            if (page.Count < Page)
            {
                return all;
            }

            after = page[^1].Id;
        }
    }
}
