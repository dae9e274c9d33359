using System.Text;
using Vigil.Detection.Events;

namespace Vigil.Detection.Tests.Sigma;

public sealed class JsonEventReaderTests
{
    private static IReadOnlyList<SigmaEvent> Read(string json) => JsonEventReader.ReadAll(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Read_EvtxDumpLayout_FlattensToWindowsNames()
    {
        var e = Assert.Single(Read("""
            {"Event":{"#attributes":{"xmlns":"x"},"System":{"Provider":{"#attributes":{"Name":"Microsoft-Windows-Sysmon"}},
             "EventID":1,"Channel":"Microsoft-Windows-Sysmon/Operational","Security":null,
             "Execution":{"#attributes":{"ProcessID":4}}},
             "EventData":{"Image":"C:\\a.exe","Command Line":"a -b"}}}
            """));

        Assert.Equal("1", e.GetValue("EventID"));
        Assert.Equal("Microsoft-Windows-Sysmon", e.GetValue("Provider_Name"));
        Assert.Equal("4", e.GetValue("Execution_ProcessID"));
        Assert.Equal("C:\\a.exe", e.GetValue("Image"));
        Assert.Equal("a -b", e.GetValue("CommandLine"));
        Assert.True(e.HasField("Security"));
        Assert.Null(e.GetValue("Security"));
    }

    [Fact]
    public void Read_EventIdWithQualifiers_UsesText()
    {
        var e = Assert.Single(Read("""{"Event":{"System":{"EventID":{"#attributes":{"Qualifiers":16384},"#text":7045}}}}"""));

        Assert.Equal("7045", e.GetValue("EventID"));
        Assert.Equal("16384", e.GetValue("EventID_Qualifiers"));
    }

    [Fact]
    public void Read_NxlogFlatLines_KeepsTopLevelFields()
    {
        var events = Read("{\"EventID\":4688,\"Channel\":\"Security\",\"Source Name\":\"x\"}\n\n{\"EventID\":1}\n");

        Assert.Equal(2, events.Count);
        Assert.Equal("x", events[0].GetValue("SourceName"));
        Assert.Equal(1, events[1].Index);
    }

    [Fact]
    public void Read_ArrayAndConcatenatedPrettyObjects_ReadsEveryObject()
    {
        Assert.Equal(3, Read("[{\"a\":1},\n {\"a\":2}, {\"a\":3}]").Count);
        Assert.Equal(2, Read("{\n  \"a\": 1\n}\n{\n  \"a\": 2\n}").Count);
    }

    [Fact]
    public void Read_NestedObjects_UseDottedOcsfNames()
    {
        var e = Assert.Single(Read("""{"process":{"cmd_line":"whoami","file":{"path":"C:\\w.exe"}},"tags":["a","b"]}"""));

        Assert.Equal("whoami", e.GetValue("process.cmd_line"));
        Assert.Equal("C:\\w.exe", e.GetValue("process.file.path"));
        Assert.Equal(["a", "b"], e.GetValues("tags"));
    }

    [Fact]
    public void Read_LargeEventAcrossBufferRefills_IsComplete()
    {
        var big = new string('x', 200_000);
        var events = Read($"{{\"a\":\"{big}\"}}\n{{\"b\":\"\\u00e9\"}}");

        Assert.Equal(big, events[0].GetValue("a"));
        Assert.Equal("é", events[1].GetValue("b"));
    }

    [Fact]
    public void Read_TruncatedJson_ThrowsInvalidData() =>
        Assert.Throws<InvalidDataException>(() => Read("{\"a\":1}\n{\"b\":"));
}
