namespace Vigil.Pipeline.Tests.Normalize;

public sealed class SchemaDriftTests
{
    private const string Yaml = InlineMapping.Header + """
        fields:
          finding_info.uid: id
          finding_info.title: name
          message: { path: note, optional: true }
        ignore: [debug]
        """;

    [Fact]
    public void Apply_EventAsExpected_ReportsNoDrift()
    {
        var result = InlineMapping.Apply(Yaml, """{"kind":"test","at":"2026-01-01T00:00:00Z","id":"a1","name":"n","debug":{"x":1}}""");

        Assert.True(result.Succeeded, result.Failure);
        Assert.True(result.Drift.IsEmpty);
    }

    [Fact]
    public void Apply_NewField_ReportsItAndKeepsItUnmapped()
    {
        var result = InlineMapping.Apply(Yaml, """{"kind":"test","at":"2026-01-01T00:00:00Z","id":"a1","name":"n","tenant":{"region":"eu"}}""");

        Assert.True(result.Succeeded, result.Failure);
        Assert.Equal(["tenant"], result.Drift.NewFields);
        Assert.Equal("eu", result.Event!.Unmapped.Text("tenant.region"));
    }

    [Fact]
    public void Apply_IgnoredField_IsKeptButNotDrift()
    {
        var result = InlineMapping.Apply(Yaml, """{"kind":"test","at":"2026-01-01T00:00:00Z","id":"a1","name":"n","debug":"verbose"}""");

        Assert.Empty(result.Drift.NewFields);
        Assert.Equal("verbose", result.Event!.Unmapped.Text("debug"));
    }

    [Fact]
    public void Apply_MissingExpectedField_ReportsItAndStillMaps()
    {
        var result = InlineMapping.Apply(Yaml, """{"kind":"test","at":"2026-01-01T00:00:00Z","id":"a1"}""");

        Assert.True(result.Succeeded, result.Failure);
        Assert.Equal(["name"], result.Drift.MissingFields);
        Assert.Equal("a1", result.Event!.Ocsf.Text("finding_info.uid"));
    }

    [Fact]
    public void Apply_OptionalFieldAbsent_IsNotDrift()
    {
        var result = InlineMapping.Apply(Yaml, """{"kind":"test","at":"2026-01-01T00:00:00Z","id":"a1","name":"n"}""");

        Assert.DoesNotContain("note", result.Drift.MissingFields);
    }

    [Fact]
    public void Apply_RetypedField_ReportsItAndMapsTheRest()
    {
        var result = InlineMapping.Apply(Yaml, """{"kind":"test","at":"2026-01-01T00:00:00Z","id":"a1","name":{"first":"n"}}""");

        var retyped = Assert.Single(result.Drift.RetypedFields);
        Assert.Equal("name", retyped.Path);
        Assert.Equal("scalar", retyped.Expected);
        Assert.Equal("object", retyped.Actual);
        Assert.Equal("a1", result.Event!.Ocsf.Text("finding_info.uid"));
        Assert.Null(result.Event.Ocsf.Text("finding_info.title"));
    }

    [Fact]
    public void Apply_NewFieldInsideArrayElements_ReportsArrayPath()
    {
        var yaml = InlineMapping.Header + """
            fields:
              finding_info.uid: id
              finding_info.types[]: "tags[].name"
            """;

        var result = InlineMapping.Apply(yaml, """{"kind":"test","at":"2026-01-01T00:00:00Z","id":"a1","tags":[{"name":"x","color":"red"}]}""");

        Assert.Equal(["tags[].color"], result.Drift.NewFields);
        Assert.Equal("red", result.Event!.Unmapped.Text("tags.0.color"));
    }
}
