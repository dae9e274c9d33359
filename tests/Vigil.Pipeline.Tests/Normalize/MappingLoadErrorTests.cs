using Vigil.Pipeline.Normalize;

namespace Vigil.Pipeline.Tests.Normalize;

public sealed class MappingLoadErrorTests
{
    private static MappingLoadException Load(string yaml) =>
        Assert.Throws<MappingLoadException>(() => InlineMapping.Compile(yaml, "broken.yaml"));

    [Fact]
    public void Compile_YamlSyntaxError_NamesFileAndLine()
    {
        var error = Load(InlineMapping.Header + "fields:\n  message: [unclosed\n");

        Assert.Equal("broken.yaml", error.File);
        Assert.Equal(12, error.Line);
        Assert.StartsWith("broken.yaml:12:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_UnknownTopLevelKey_NamesItsLine()
    {
        var error = Load(InlineMapping.Header + "fieldz:\n  message: text\n");

        Assert.Equal(10, error.Line);
        Assert.Contains("'fieldz' is not a mapping key", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_TargetNotInClass_SaysWhichClass()
    {
        var error = Load(InlineMapping.Header + "fields:\n  message: text\n  query.hostname: host\n");

        Assert.Equal(12, error.Line);
        Assert.Contains("2004 Detection Finding", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_UnknownClass_IsRejected()
    {
        var error = Load(InlineMapping.Header.Replace("class: 2004", "class: 2099", StringComparison.Ordinal));

        Assert.Equal(6, error.Line);
        Assert.Contains("2099", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_ActivityOutsideEnum_IsRejected()
    {
        var error = Load(InlineMapping.Header.Replace("activity: 1", "activity: 12", StringComparison.Ordinal));

        Assert.Equal(7, error.Line);
    }

    [Fact]
    public void Compile_UnknownTransformAndMissingLookup_AreRejected()
    {
        var unknown = Load(InlineMapping.Header + "fields:\n  message: { path: text, shout: true }\n");
        var lookup = Load(InlineMapping.Header + "fields:\n  message: { path: text, lookup: nowhere }\n");

        Assert.Contains("'shout' is not a value key", unknown.Problem, StringComparison.Ordinal);
        Assert.Contains("no lookup table named 'nowhere'", lookup.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_EngineOwnedAttribute_IsRejected()
    {
        var error = Load(InlineMapping.Header + "fields:\n  severity_id: level\n");

        Assert.Contains("set by the engine", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_BadPathAndBadRegex_AreRejected()
    {
        var path = Load(InlineMapping.Header + "fields:\n  message: \"a[x].b\"\n");
        var regex = Load(InlineMapping.Header + "fields:\n  message: { path: a, regex: \"(\" }\n");

        Assert.Contains("neither [], [n] nor ['key']", path.Problem, StringComparison.Ordinal);
        Assert.Contains("invalid regular expression", regex.Problem, StringComparison.Ordinal);
    }
}
