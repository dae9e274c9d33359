namespace Vigil.Pipeline.Tests.Normalize;

public sealed class TransformTests
{
    private static string? Map(string fields, string json, string ocsfPath)
    {
        var yaml = InlineMapping.Header + "fields:\n  finding_info.uid: { const: f-1 }\n" + fields;
        var result = InlineMapping.Apply(yaml, json);
        Assert.True(result.Succeeded, result.Failure);
        return result.Event!.Ocsf.Text(ocsfPath);
    }

    private const string Event = """
        {"kind":"test","at":"2026-01-01T00:00:00Z","s":1767225600,"ms":1767225600123,"us":1767225600123456,"digits":"1767225600123",
         "custom":"01/02/2026 03:04:05","offset":"2026-01-14T09:12:03.412587+0100","hex":"0x2b90","yes":"Yes",
         "csv":"a, b,,c","mixed":"MiXeD","sev":"crit","tags":["x","y"],"cmd":"SHA256=ABCDEF","empty":null,"dash":"-"}
        """;

    [Theory]
    [InlineData("{ path: s, format: epoch_s }", "1767225600000")]
    [InlineData("{ path: ms, format: epoch_ms }", "1767225600123")]
    [InlineData("{ path: us, format: epoch_us }", "1767225600123")]
    [InlineData("{ path: us, format: epoch }", "1767225600123")]
    [InlineData("{ path: at, format: iso8601 }", "1767225600000")]
    [InlineData("{ path: offset, format: iso8601 }", "1768378323412")]
    [InlineData("{ path: custom, format: \"dd/MM/yyyy HH:mm:ss\" }", "1769915045000")]
    public void Time_Format_YieldsEpochMilliseconds(string spec, string expected)
    {
        Assert.Equal(expected, Map($"  finding_info.created_time: {spec}\n", Event, "finding_info.created_time"));
    }

    [Fact]
    public void Time_EventTimeWithoutFormat_ReadsDigitStringsAsEpoch()
    {
        var yaml = InlineMapping.Header.Replace("time: { path: at, format: iso8601 }", "time: digits", StringComparison.Ordinal)
            + "fields:\n  finding_info.uid: { const: f-1 }\n";

        var result = InlineMapping.Apply(yaml, Event);

        Assert.Equal(1767225600123, result.Event!.Time.ToUnixTimeMilliseconds());
    }

    [Fact]
    public void Time_Unparseable_FailsWithReason()
    {
        var yaml = InlineMapping.Header.Replace("path: at,", "path: mixed,", StringComparison.Ordinal) + "fields:\n  finding_info.uid: { const: f-1 }\n";

        var result = InlineMapping.Apply(yaml, Event);

        Assert.False(result.Succeeded);
        Assert.Contains("'MiXeD' is not a iso8601 time", result.Failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ path: hex, to_int: true }", "11152")]
    [InlineData("{ path: yes, to_bool: true }", "true")]
    [InlineData("{ path: mixed, lower: true }", "mixed")]
    [InlineData("{ path: mixed, upper: true }", "MIXED")]
    [InlineData("{ path: csv, split: \",\", join: \"|\" }", "a|b|c")]
    [InlineData("{ path: cmd, regex: \"SHA256=([0-9A-F]+)\", lower: true }", "abcdef")]
    [InlineData("{ path: sev, map: { crit: critical } }", "critical")]
    [InlineData("{ path: sev, map: { low: l }, default: unknown }", "unknown")]
    [InlineData("{ paths: [empty, missing, mixed] }", "MiXeD")]
    [InlineData("{ template: \"{mixed}/{csv}\" }", "MiXeD/a, b,,c")]
    [InlineData("{ path: s, multiply: 0.001 }", "1767226")]
    [InlineData("{ path: dash, skip: \"-\", default: none }", "none")]
    [InlineData("{ path: \"tags[]\", join: \";\" }", "x;y")]
    [InlineData("{ first_of: [{ path: mixed, map: { nope: 1 } }, { path: sev }] }", "crit")]
    public void Value_Transform_Applies(string spec, string expected)
    {
        Assert.Equal(expected, Map($"  finding_info.desc: {spec}\n", Event, "finding_info.desc"));
    }

    [Fact]
    public void Value_LookupTable_MapsThroughNamedTable()
    {
        var yaml = InlineMapping.Header + "lookups:\n  levels: { CRIT: 5 }\nfields:\n  finding_info.uid: { const: f-1 }\n  count: { path: sev, lookup: levels }\n";

        var result = InlineMapping.Apply(yaml, Event);

        Assert.Equal("5", result.Event!.Ocsf.Text("count"));
    }

    [Fact]
    public void Target_ArraysOfScalarsAndObjects_LineUp()
    {
        Assert.Equal("""["x","y"]""", Map("  finding_info.types[]: \"tags[]\"\n", Event, "finding_info.types"));
        Assert.Equal("y", Map("  finding_info.attacks[].technique.uid: \"tags[]\"\n", Event, "finding_info.attacks.1.technique.uid"));
    }

    [Fact]
    public void Each_BuildsOneObjectPerMatchingElement()
    {
        var fields = """
              evidences[]:
                each: "items[]"
                when: [{ path: type, equals: ip }]
                fields:
                  src_endpoint.ip: value
                  src_endpoint.name: $.mixed
            """;
        var json = """{"kind":"test","at":"2026-01-01T00:00:00Z","mixed":"m","items":[{"type":"ip","value":"192.0.2.1"},{"type":"host","value":"h"},{"type":"ip","value":"192.0.2.2"}]}""";

        Assert.Equal("192.0.2.2", Map(fields + "\n", json, "evidences.1.src_endpoint.ip"));
        Assert.Equal("m", Map(fields + "\n", json, "evidences.0.src_endpoint.name"));
        Assert.Null(Map(fields + "\n", json, "evidences.2"));
    }

    [Fact]
    public void Dedup_SameKeyFields_GiveSameFingerprint()
    {
        var yaml = InlineMapping.Header + "dedup: [id]\nfields:\n  finding_info.uid: id\n";

        var first = InlineMapping.Apply(yaml, """{"kind":"test","at":"2026-01-01T00:00:00Z","id":"a1","n":1}""").Event!;
        var repeat = InlineMapping.Apply(yaml, """{"kind":"test","at":"2026-01-02T00:00:00Z","id":"a1","n":2}""").Event!;
        var other = InlineMapping.Apply(yaml, """{"kind":"test","at":"2026-01-01T00:00:00Z","id":"b2","n":1}""").Event!;

        Assert.Equal(first.Fingerprint.Value, repeat.Fingerprint.Value);
        Assert.NotEqual(first.Fingerprint.Value, other.Fingerprint.Value);
        Assert.Equal(new Vigil.Domain.Events.DedupField("id", "a1"), Assert.Single(first.Fingerprint.Fields));
    }

    [Fact]
    public void Variants_NoneApplies_FailsNamingTheVariants()
    {
        var yaml = """
            source: test_source
            time: at
            variants:
              - name: only alerts
                when: [{ path: kind, equals: alert }]
                class: 2004
                activity: 1
                fields:
                  finding_info.uid: id
            """;

        var result = InlineMapping.Apply(yaml, """{"kind":"other","at":"2026-01-01T00:00:00Z"}""");

        Assert.False(result.Succeeded);
        Assert.Contains("only alerts", result.Failure, StringComparison.Ordinal);
    }
}
