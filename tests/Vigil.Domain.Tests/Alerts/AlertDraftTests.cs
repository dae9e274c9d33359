using Vigil.Domain.Alerts;
using Vigil.Domain.Entities;

namespace Vigil.Domain.Tests.Alerts;

public sealed class AlertDraftTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static AlertDraft Draft(string? sourceRef, string raw = """{"a":1}""") => new()
    {
        Source = "edr",
        SourceRef = sourceRef,
        Title = "Mimikatz",
        Severity = Severity.High,
        OccurredAt = T0,
        RawPayload = raw,
        Entities = [Entity.Create(EntityType.Host, "DC-01"), Entity.Create(EntityType.Host, "dc-01")],
    };

    [Fact]
    public void ToAlert_SameSourceAndRef_GivesSameFingerprint()
    {
        var a = Draft("det-1", """{"a":1}""").ToAlert("alr_1", T0);
        var b = Draft("det-1", """{"a":2}""").ToAlert("alr_2", T0.AddMinutes(1));

        Assert.Equal(a.Fingerprint, b.Fingerprint);
        Assert.NotEqual(a.Fingerprint, Draft("det-2").ToAlert("alr_3", T0).Fingerprint);
    }

    [Fact]
    public void ToAlert_WithoutSourceRef_DerivesItFromThePayload()
    {
        var a = Draft(null, """{"x":1}""").ToAlert("alr_1", T0);
        var b = Draft("  ", """{"x":1}""").ToAlert("alr_2", T0);
        var c = Draft(null, """{"x":2}""").ToAlert("alr_3", T0);

        Assert.StartsWith("sha256:", a.SourceRef, StringComparison.Ordinal);
        Assert.Equal(a.Fingerprint, b.Fingerprint);
        Assert.NotEqual(a.Fingerprint, c.Fingerprint);
    }

    [Fact]
    public void ToAlert_KeepsPayloadVerbatimAndDeduplicatesEntities()
    {
        const string raw = "{ \"title\" : \"<script>alert(1)</script>\",\n \"n\": 1.50 }";
        var alert = Draft("x", raw).ToAlert("alr_1", T0);

        Assert.Equal(raw, alert.RawPayload);
        Assert.Single(alert.Entities);
        Assert.Equal(1, alert.OccurrenceCount);
        Assert.Equal(T0, alert.FirstSeen);
    }

    [Theory]
    [InlineData("crit", Severity.Critical)]
    [InlineData("HIGH", Severity.High)]
    [InlineData("warning", Severity.Medium)]
    [InlineData("2", Severity.Low)]
    [InlineData("informational", Severity.Informational)]
    public void SeverityNames_TryParse_KnownWords(string text, Severity expected)
    {
        Assert.True(SeverityNames.TryParse(text, out var severity));
        Assert.Equal(expected, severity);
    }

    [Theory]
    [InlineData("urgent")]
    [InlineData("7")]
    [InlineData("")]
    public void SeverityNames_TryParse_UnknownWords_Fail(string text) => Assert.False(SeverityNames.TryParse(text, out _));
}
