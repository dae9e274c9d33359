using System.Text;
using Microsoft.Extensions.Time.Testing;
using Vigil.Domain;
using Vigil.Domain.Entities;
using Vigil.Pipeline.Ingest;

namespace Vigil.Pipeline.Tests.Ingest;

public sealed class AlertSubmissionParserTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private readonly AlertSubmissionParser _parser = new(new FakeTimeProvider(Now), new SubmissionLimits { MaxBatch = 3, MaxTitleLength = 20 });

    private AlertSubmission Parse(string json) => _parser.Parse(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Parse_SingleAlert_ReadsEveryField()
    {
        var submission = Parse("""
            {"source": "CrowdStrike", "source_ref": "ldt:1", "title": "Mimikatz", "description": "lsass read",
             "severity": "critical", "occurred_at": "2026-11-23T10:00:00+01:00",
             "entities": [{"type": "host", "value": "DC-01"}, {"type": "ip", "value": "10.0.0.5"}],
             "tags": ["attack.t1003.001"], "raw": {"id": "ldt:1", "b": [1, 2]}}
            """);

        Assert.True(submission.IsValid, string.Join("; ", submission.Errors));
        Assert.False(submission.IsBatch);
        var draft = Assert.Single(submission.Drafts);
        Assert.Equal("crowdstrike", draft.Source);
        Assert.Equal("ldt:1", draft.SourceRef);
        Assert.Equal(Severity.Critical, draft.Severity);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero), draft.OccurredAt);
        Assert.Equal([Entity.Create(EntityType.Host, "dc-01"), Entity.Create(EntityType.Ip, "10.0.0.5")], draft.Entities);
        Assert.Equal(["attack.t1003.001"], draft.Tags);
        Assert.Equal("""{"id": "ldt:1", "b": [1, 2]}""", draft.RawPayload);
    }

    [Fact]
    public void Parse_WithoutRaw_KeepsTheSubmittedObjectVerbatimAndDefaultsTime()
    {
        const string body = "{ \"source\":\"edr\",  \"title\":\"x\", \"severity\": 4 }";

        var draft = Assert.Single(Parse(body).Drafts);

        Assert.Equal(body, draft.RawPayload);
        Assert.Equal(Now, draft.OccurredAt);
        Assert.Equal(Severity.High, draft.Severity);
    }

    [Theory]
    [InlineData("""[{"source":"a","title":"t","severity":"low"},{"source":"b","title":"t","severity":"low"}]""")]
    [InlineData("""{"alerts":[{"source":"a","title":"t","severity":"low"},{"source":"b","title":"t","severity":"low"}]}""")]
    public void Parse_Batch_AcceptsArrayAndEnvelope(string body)
    {
        var submission = Parse(body);

        Assert.True(submission.IsValid);
        Assert.True(submission.IsBatch);
        Assert.Equal(2, submission.Drafts.Count);
    }

    [Theory]
    [InlineData("""{"source":"a","title":"t","severity":"low","colour":"red"}""", "$.colour", "unknown field")]
    [InlineData("""{"title":"t","severity":"low"}""", "$.source", "is required")]
    [InlineData("""{"source":"a","severity":"low"}""", "$.title", "is required")]
    [InlineData("""{"source":"a","title":"t"}""", "$.severity", "is required")]
    [InlineData("""{"source":"a","title":"t","severity":"urgent"}""", "$.severity", "expected informational")]
    [InlineData("""{"source":"a","title":7,"severity":"low"}""", "$.title", "expected a string, got a number")]
    [InlineData("""{"source":"a b","title":"t","severity":"low"}""", "$.source", "must be 1-64 characters")]
    [InlineData("""{"source":"a","title":"this title is far too long","severity":"low"}""", "$.title", "at most 20")]
    [InlineData("""{"source":"a","title":"t","severity":"low","occurred_at":"yesterday"}""", "$.occurred_at", "ISO-8601")]
    [InlineData("""{"source":"a","title":"t","severity":"low","entities":[{"type":"planet","value":"mars"}]}""", "$.entities[0].type", "unknown entity type")]
    [InlineData("""{"source":"a","title":"t","severity":"low","entities":[{"type":"ip","value":"999.0.0.1"}]}""", "$.entities[0].value", "not a valid ip")]
    [InlineData("""{"source":"a","title":"t","severity":"low","entities":"host"}""", "$.entities", "expected an array")]
    [InlineData("""{"source":"a","title":"t","severity":"low","tags":[1]}""", "$.tags[0]", "expected a string")]
    [InlineData("""[{"source":"a","title":"t","severity":"low"},{"source":"a","title":"t"}]""", "$[1].severity", "is required")]
    [InlineData("""{"source":"a","title":"nul\u0000here","severity":"low"}""", "$.title", "NUL character")]
    [InlineData("""{"source":"a","title":"t","severity":"low","entities":[{"type":"host","value":"ws\u0000"}]}""", "$.entities[0].value", "NUL character")]
    [InlineData("""{"alerts":{}}""", "$.alerts", "expected an array")]
    [InlineData("""{"alerts":[], "extra": 1}""", "$.extra", "unknown field")]
    [InlineData("""[]""", "$", "empty")]
    [InlineData("""[1,2,3,4]""", "$", "at most 3")]
    [InlineData("42", "$", "expected an alert object")]
    public void Parse_BadInput_NamesThePathAndProblem(string body, string path, string message)
    {
        var submission = Parse(body);

        Assert.False(submission.IsValid);
        Assert.Empty(submission.Drafts);
        Assert.Contains(submission.Errors, e => e.Path == path && e.Message.Contains(message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{\"source\": \"a\",", "line 1")]
    [InlineData("{\n\"source\": \"a\"\n\"title\": 1}", "line 3")]
    [InlineData("not json", "malformed JSON")]
    public void Parse_MalformedJson_SaysWhere(string body, string expected)
    {
        var error = Assert.Single(Parse(body).Errors);

        Assert.Equal("$", error.Path);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BatchWithOneBadItem_AcceptsNothingAndKeepsTheSourceHint()
    {
        var submission = Parse("""[{"source":"okta","title":"t","severity":"low"},{"source":"okta","title":"t","severity":"nope"}]""");

        Assert.False(submission.IsValid);
        Assert.Empty(submission.Drafts);
        Assert.Equal("okta", submission.SourceHint);
    }

    [Fact]
    public void Parse_TooDeep_IsRejectedNotCrashed()
    {
        var deep = string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + new string('}', 200);

        var submission = Parse($$"""{"source":"a","title":"t","severity":"low","raw":{{deep}}}""");

        Assert.False(submission.IsValid);
        Assert.Contains("malformed JSON", submission.Errors[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1763899200", 2025, 11, 23)]
    [InlineData("1763899200000", 2025, 11, 23)]
    public void Parse_EpochTimes_SecondsOrMilliseconds(string epoch, int year, int month, int day)
    {
        var draft = Assert.Single(Parse($$"""{"source":"a","title":"t","severity":"low","occurred_at":{{epoch}}}""").Drafts);

        Assert.Equal(new DateOnly(year, month, day), DateOnly.FromDateTime(draft.OccurredAt.UtcDateTime));
    }
}
