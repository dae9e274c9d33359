using Vigil.Detection.Engine;
using Vigil.Detection.Loading;
using Vigil.Detection.Pipelines;

namespace Vigil.Detection.Tests.Sigma;

/// <summary>The shipped pipelines: the same Sigma rule runs on Windows events and on OCSF-normalised events.</summary>
public sealed class PipelineTests
{
    private const string Rule = """
        title: Whoami Execution
        id: 8a582fe2-0882-4b89-a82a-da6b2dc32937
        author: Florian Roth
        logsource:
            category: process_creation
            product: windows
        detection:
            selection:
                Image|endswith: '\whoami.exe'
                ParentImage|endswith: '\cmd.exe'
            condition: selection
        level: high
        """;

    private static SigmaEngine Engine(string pipeline) =>
        SigmaEngine.Compile(SigmaRuleLoader.LoadText(Rule), SigmaPipelineLoader.LoadFile(Fixtures.Pipeline(pipeline)));

    [Fact]
    public void Evaluate_SysmonProcessCreation_MatchesViaWindowsPipeline() =>
        Assert.Single(Engine("windows").Evaluate(SigmaKit.Event("""
            {"EventID":1,"Channel":"Microsoft-Windows-Sysmon/Operational","Image":"C:\\Windows\\System32\\whoami.exe","ParentImage":"C:\\Windows\\cmd.exe"}
            """)));

    [Fact]
    public void Evaluate_Security4688_MatchesThroughFieldMapping()
    {
        var match = Assert.Single(Engine("windows").Evaluate(SigmaKit.Event("""
            {"EventID":4688,"Channel":"Security","NewProcessName":"C:\\Windows\\System32\\whoami.exe","ParentProcessName":"C:\\Windows\\cmd.exe"}
            """)));

        Assert.Equal("C:\\Windows\\System32\\whoami.exe", match.GetField("Image"));
        Assert.Equal("Florian Roth", match.Author);
    }

    [Fact]
    public void Evaluate_WrongChannel_DoesNotMatch() =>
        Assert.Empty(Engine("windows").Evaluate(SigmaKit.Event("""
            {"EventID":1,"Channel":"Application","Image":"C:\\whoami.exe","ParentImage":"C:\\cmd.exe"}
            """)));

    [Fact]
    public void Evaluate_OcsfProcessLaunch_MatchesViaOcsfPipeline()
    {
        var match = Assert.Single(Engine("ocsf").Evaluate(SigmaKit.Event("""
            {"class_uid":1007,"activity_id":1,"process":{"file":{"path":"C:\\Windows\\System32\\whoami.exe"},"cmd_line":"whoami"},
             "actor":{"process":{"file":{"path":"C:\\Windows\\cmd.exe"}},"user":{"name":"bob"}}}
            """)));

        Assert.Equal("bob", match.GetField("User"));
    }

    [Fact]
    public void Evaluate_OcsfOtherActivity_DoesNotMatch() =>
        Assert.Empty(Engine("ocsf").Evaluate(SigmaKit.Event("""
            {"class_uid":1007,"activity_id":2,"process":{"file":{"path":"C:\\whoami.exe"}},"actor":{"process":{"file":{"path":"C:\\cmd.exe"}}}}
            """)));

    [Fact]
    public void Resolve_ShippedName_FindsPipelineFile() =>
        Assert.Equal("ocsf", SigmaPipelines.Resolve("ocsf", Path.GetDirectoryName(Fixtures.Pipeline("ocsf"))).Name);

    [Fact]
    public void Compile_RuleForOtherProduct_IsInactiveOnWindowsPipeline()
    {
        const string zeek = "title: z\nlogsource: {product: zeek, service: rdp}\ndetection:\n    sel: {id.orig_h|cidr: 10.0.0.0/8}\n    condition: not sel\n";

        var engine = SigmaEngine.Compile(SigmaRuleLoader.LoadText(zeek), SigmaPipelineLoader.LoadFile(Fixtures.Pipeline("windows")));

        Assert.Empty(engine.Rules);
        Assert.Single(engine.Inactive);
        Assert.Empty(engine.Evaluate(SigmaKit.Event("""{"EventID":1}""")));
    }
}
