using System.Text;
using Vigil.Pipeline.Normalize;

namespace Vigil.Pipeline.Tests.Normalize;

public sealed class JsonEventReaderTests
{
    private static List<RawJsonEvent> Read(string text)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return JsonEventReader.ReadAsync(stream, TestContext.Current.CancellationToken).ToBlockingEnumerable().ToList();
    }

    [Fact]
    public void ReadAsync_JsonLines_YieldsEachLineWithItsRawText()
    {
        var events = Read("{\"a\":1}\n{\"a\":2}\n\n{\"a\":3}\n");

        Assert.Equal(["{\"a\":1}", "{\"a\":2}", "{\"a\":3}"], events.Select(e => e.Raw));
        Assert.Equal([1, 2, 4], events.Select(e => e.Line));
    }

    [Fact]
    public void ReadAsync_TopLevelArray_YieldsElements()
    {
        var events = Read("[ {\"a\":1},\n {\"a\":2} ]");

        Assert.Equal(2, events.Count);
        Assert.Equal(2, events[1].Element!.Value.GetProperty("a").GetInt32());
    }

    [Fact]
    public void ReadAsync_ConcatenatedPrettyObjects_YieldsEach()
    {
        var events = Read("{\n  \"a\": {\"b\": 1}\n}\n{\n  \"a\": {\"b\": 2}\n}");

        Assert.Equal(2, events.Count);
        Assert.Equal(4, events[1].Line);
    }

    [Fact]
    public void ReadAsync_MalformedLine_ReportsItAndCarriesOn()
    {
        var events = Read("{\"a\":1}\n{\"a\": nope}\n{\"a\":3}\n");

        Assert.Equal(3, events.Count);
        Assert.Null(events[1].Element);
        Assert.StartsWith("malformed JSON", events[1].Error, StringComparison.Ordinal);
        Assert.Equal(3, events[2].Element!.Value.GetProperty("a").GetInt32());
    }

    [Fact]
    public void ReadAsync_EventLargerThanBuffer_IsReadWhole()
    {
        var big = "{\"pad\":\"" + new string('x', 200_000) + "\"}";

        var events = Read(big + "\n" + big);

        Assert.Equal(2, events.Count);
        Assert.Equal(big, events[1].Raw);
    }
}
