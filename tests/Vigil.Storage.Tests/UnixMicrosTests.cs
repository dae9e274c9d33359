using Vigil.Domain.Ledger;
using Vigil.Storage.Engines;

namespace Vigil.Storage.Tests;

public sealed class UnixMicrosTests
{
    [Theory]
    [InlineData(2026, 1)]
    [InlineData(1969, 7)]
    [InlineData(1999, 9)]
    public void Truncate_AnyTime_AgreesWithLedgerHasherAndRoundTrips(int year, int extraTicks)
    {
        var time = new DateTimeOffset(year, 12, 31, 23, 59, 59, TimeSpan.FromHours(2)).AddTicks(extraTicks);

        Assert.Equal(LedgerHasher.Truncate(time), UnixMicros.Truncate(time));
        Assert.Equal(LedgerHasher.Truncate(time), UnixMicros.To(UnixMicros.From(time)));
    }
}
