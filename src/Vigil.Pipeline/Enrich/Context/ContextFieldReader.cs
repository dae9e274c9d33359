using Vigil.Domain.Entities;
using Vigil.Pipeline.Enrich.Tabular;

namespace Vigil.Pipeline.Enrich.Context;

/// <summary>Typed reads over <see cref="IContextFields"/> that record a <see cref="ContextError"/> for each bad value.</summary>
internal sealed class ContextFieldReader(IContextFields fields, List<ContextError> errors)
{
    public IContextFields Fields => fields;

    public void Error(string field, string problem) => errors.Add(new ContextError(fields.File, fields.Location, field, problem));

    /// <summary>The record's key, normalised like the entity it will be looked up by; null (and an error) when absent.</summary>
    public string? Key(EntityType type, params ReadOnlySpan<string> names)
    {
        var text = fields.Text(names);
        var value = Entity.Normalize(type, text);
        if (value is null)
        {
            Error(names[0], text is null ? "is required" : $"'{text}' is not a valid {type.ToWire()}");
        }

        return value;
    }

    public string? Normalized(EntityType type, string field)
    {
        var text = fields.Text(field);
        if (text is null)
        {
            return null;
        }

        var value = Entity.Normalize(type, text);
        if (value is null)
        {
            Error(field, $"'{text}' is not a valid {type.ToWire()}");
        }

        return value;
    }

    public IReadOnlyList<string> Addresses(params ReadOnlySpan<string> names)
    {
        var result = new List<string>();
        foreach (var text in fields.List(names))
        {
            if (Entity.Normalize(EntityType.Ip, text) is { } address)
            {
                result.Add(address);
            }
            else
            {
                Error(names[0], $"'{text}' is not an IP address");
            }
        }

        return result;
    }

    /// <summary>An enum from its snake_case or kebab-case name ("internet_facing", "internet-facing", "InternetFacing").</summary>
    public TEnum? Choice<TEnum>(string field, params (string Alias, TEnum Value)[] aliases)
        where TEnum : struct, Enum
    {
        var text = fields.Text(field);
        if (text is null)
        {
            return null;
        }

        foreach (var (alias, value) in aliases)
        {
            if (alias.Equals(text, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        if (Enum.TryParse<TEnum>(text.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var parsed)
            && Enum.IsDefined(parsed) && !char.IsAsciiDigit(text[0]) && !text.Contains(',', StringComparison.Ordinal))
        {
            return parsed;
        }

        var names = string.Join(", ", Enum.GetNames<TEnum>().Select(n => string.Concat(n.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()))));
        Error(field, $"'{text}' is not one of {names}");
        return null;
    }

    public bool? Flag(string field)
    {
        var text = fields.Text(field);
        switch (text?.ToLowerInvariant())
        {
            case null:
                return null;
            case "true" or "yes" or "y" or "1":
                return true;
            case "false" or "no" or "n" or "0":
                return false;
            default:
                Error(field, $"'{text}' is not true or false");
                return null;
        }
    }

    public IReadOnlyList<TravelPeriod> Travel(string field)
    {
        var result = new List<TravelPeriod>();
        foreach (var entry in fields.Travel(field))
        {
            var where = $"{field} {entry.Position}";
            if (entry.Country is not { Length: 2 } country || !country.All(char.IsAsciiLetter))
            {
                Error(where, $"country '{entry.Country}' is not an ISO 3166 two-letter code");
            }
            else if (!Timestamps.TryParse(entry.From, out var from) || !Timestamps.TryParse(entry.To, out var to))
            {
                Error(where, $"from '{entry.From}' and to '{entry.To}' must both be dates or times");
            }
            else if (to < from)
            {
                Error(where, $"ends ({entry.To}) before it starts ({entry.From})");
            }
            else
            {
                // A date-only "to" means the whole of that day.
                var end = entry.To!.Length == 10 ? to.AddDays(1).AddTicks(-1) : to;
                result.Add(new TravelPeriod(country.ToUpperInvariant(), entry.City, from, end));
            }
        }

        return result;
    }
}
