namespace Vigil.Pipeline.Enrich.Context;

/// <summary>One input record (a CSV row or a JSON object) read by field name, so CSV and JSON share the validation.</summary>
internal interface IContextFields
{
    string File { get; }

    string Location { get; }

    /// <summary>The trimmed value, or null when absent or empty.</summary>
    string? Text(params ReadOnlySpan<string> names);

    /// <summary>A list: a JSON array, or text split on ';'.</summary>
    IReadOnlyList<string> List(params ReadOnlySpan<string> names);

    IReadOnlyList<TravelEntry> Travel(string name);
}
