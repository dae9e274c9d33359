using System.Globalization;

namespace Vigil.Pipeline.Enrich.Sources;

/// <summary>Collects a result's flat facts, leaving out what is unknown so an absent fact is never shown as empty.</summary>
public sealed class Attributes
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public Attributes Add(string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            _values[name] = value;
        }

        return this;
    }

    public Attributes Add(string name, long? value) => Add(name, value?.ToString(CultureInfo.InvariantCulture));

    public Attributes Add(string name, double? value) => Add(name, value?.ToString("0.######", CultureInfo.InvariantCulture));

    public Attributes Add(string name, bool? value) => Add(name, value switch { true => "true", false => "false", null => null });

    public Attributes Add(string name, IReadOnlyCollection<string> values) => values.Count == 0 ? this : Add(name, string.Join(", ", values));

    /// <summary>An enum as its snake_case name ("internet_facing"), the spelling of the import files and the API.</summary>
    public Attributes Add<TEnum>(string name, TEnum? value)
        where TEnum : struct, Enum =>
        Add(name, value is { } known ? SnakeCase(known.ToString()) : null);

    public IReadOnlyDictionary<string, string> Build() => _values;

    public static string SnakeCase(string pascal) =>
        string.Concat(pascal.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
