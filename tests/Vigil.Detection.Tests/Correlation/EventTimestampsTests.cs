using Vigil.Detection.Correlation;
using Vigil.Detection.Events;

namespace Vigil.Detection.Tests.Correlation;

public sealed class EventTimestampsTests
{
    [Theory]
    [InlineData("TimeCreated_SystemTime", "2025-10-24T23:41:00.601559Z", "2025-10-24T23:41:00.6015590+00:00")]
    [InlineData("@timestamp", "2020-10-23T02:36:40.671Z", "2020-10-23T02:36:40.6710000+00:00")]
    [InlineData("UtcTime", "2025-10-24 23:41:00.589", "2025-10-24T23:41:00.5890000+00:00")]
    [InlineData("time", "1700000000123", "2023-11-14T22:13:20.1230000+00:00")]
    [InlineData("ts", "1700000000.5", "2023-11-14T22:13:20.5000000+00:00")]
    [InlineData("eventTime", "2024-05-01T10:00:00+02:00", "2024-05-01T10:00:00.0000000+02:00")]
    public void TryRead_KnownTimestampField_ParsesTime(string field, string value, string expected)
    {
        var sigmaEvent = new SigmaEventBuilder().Add("EventID", "1").Add(field, value).Build();

        Assert.True(EventTimestamps.TryRead(sigmaEvent, out var timestamp));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), timestamp);
    }

    [Fact]
    public void TryRead_EvtxTimeBeforeSysmonUtcTime_PrefersSystemTime()
    {
        var sigmaEvent = new SigmaEventBuilder()
            .Add("UtcTime", "2025-10-24 23:41:00.589")
            .Add("TimeCreated_SystemTime", "2025-10-24T23:41:00.601559Z")
            .Build();

        Assert.True(EventTimestamps.TryRead(sigmaEvent, out var timestamp));
        Assert.Equal(601, timestamp.Millisecond);
    }

    [Fact]
    public void TryRead_NoTimestampField_ReturnsFalse()
    {
        var sigmaEvent = new SigmaEventBuilder().Add("EventID", "4625").Add("time", "yesterday").Build();

        Assert.False(EventTimestamps.TryRead(sigmaEvent, out _));
    }

    [Fact]
    public void TryRead_EvtxDumpJson_ReadsSystemTimeAttribute()
    {
        const string Json = """
            {"Event": {"System": {"EventID": 4625, "TimeCreated": {"#attributes": {"SystemTime": "2025-10-24T23:41:00.601559Z"}}},
                       "EventData": {"TargetUserName": "bob"}}}
            """;
        var sigmaEvent = Assert.Single(JsonEventReader.ReadAll(System.Text.Encoding.UTF8.GetBytes(Json)));

        Assert.True(EventTimestamps.TryRead(sigmaEvent, out var timestamp));
        Assert.Equal(new DateTimeOffset(2025, 10, 24, 23, 41, 0, TimeSpan.Zero), timestamp.AddTicks(-(timestamp.Ticks % TimeSpan.TicksPerSecond)));
    }
}
