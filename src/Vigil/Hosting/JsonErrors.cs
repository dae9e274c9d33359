using System.Text.Json;
using System.Text.RegularExpressions;

namespace Vigil.Hosting;

/// <summary>
/// Turns System.Text.Json's messages into ones fit for an API caller: the JSON path and what was wrong, without
/// .NET type names (which describe Vigil's internals, not the caller's document).
/// </summary>
internal static partial class JsonErrors
{
    public static (string Path, string Message) Describe(JsonException exception)
    {
        var path = string.IsNullOrEmpty(exception.Path) ? "$" : exception.Path;
        var message = exception.Message;
        if (MissingRequired().Match(message) is { Success: true } missing)
        {
            return (path, $"missing required field(s): {missing.Groups[1].Value}");
        }

        if (UnknownMember().Match(message) is { Success: true } unknown)
        {
            var name = unknown.Groups[1].Value;
            return (path.EndsWith(name, StringComparison.Ordinal) ? path : $"{path}.{name}", "unknown field");
        }

        if (message.Contains("could not be converted", StringComparison.Ordinal))
        {
            return (path, "wrong type or value for this field");
        }

        if (message.Contains("null", StringComparison.OrdinalIgnoreCase) && message.Contains("non-nullable", StringComparison.OrdinalIgnoreCase))
        {
            return (path, "must not be null");
        }

        if (exception.LineNumber is { } line)
        {
            return (path, $"malformed JSON at line {line + 1}, byte {exception.BytePositionInLine + 1}");
        }

        return (path, "malformed JSON");
    }

    [GeneratedRegex("missing required properties including: (.+?)\\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex MissingRequired();

    [GeneratedRegex("The JSON property '([^']+)' could not be mapped", RegexOptions.CultureInvariant)]
    private static partial Regex UnknownMember();
}
