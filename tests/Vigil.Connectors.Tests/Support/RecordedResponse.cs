namespace Vigil.Connectors.Tests.Support;

/// <summary>What the loopback vendor answers: a status, headers and a body file under Recorded/ (or inline text).</summary>
public sealed record RecordedResponse(int Status, string Body = "", IReadOnlyDictionary<string, string>? Headers = null, TimeSpan? Delay = null)
{
    public static RecordedResponse File(int status, string path, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Recorded", path)), headers);
}
