using Vigil.Detection.Events;
using Vigil.Detection.Rules;

namespace Vigil.Detection.Engine;

/// <summary>
/// A rule matched an event. Carries the rule's identity and attribution (author and licence must be shown
/// wherever a SigmaHQ match is shown, per the DRL) and reads event fields by their Sigma names, through the
/// field mapping the match was made with (for correlation group-by).
/// </summary>
public sealed class SigmaMatch
{
    private readonly IReadOnlyDictionary<string, string> _fieldMappings;

    internal SigmaMatch(SigmaRule rule, SigmaEvent sigmaEvent, IReadOnlyDictionary<string, string> fieldMappings)
    {
        Rule = rule;
        Event = sigmaEvent;
        _fieldMappings = fieldMappings;
    }

    public SigmaRule Rule { get; }

    public SigmaEvent Event { get; }

    public string? RuleId => Rule.Id;

    /// <summary>The rule's <c>name</c>, which correlation rules use to reference it.</summary>
    public string? RuleName => Rule.Name;

    public string Title => Rule.Title;

    public string? Level => Rule.Level;

    public IReadOnlyList<string> Tags => Rule.Tags;

    public string? Author => Rule.Author;

    public string? License => Rule.License;

    /// <summary>0-based position of the matched event in its input.</summary>
    public int EventIndex => Event.Index;

    /// <summary>The first value of a field named as the rule names it (Sigma taxonomy), or null.</summary>
    public string? GetField(string sigmaField) =>
        Event.GetValue(_fieldMappings.TryGetValue(sigmaField, out var mapped) ? mapped : sigmaField);

    /// <summary>True and the value when the event has the field (by Sigma name).</summary>
    public bool TryGetField(string sigmaField, out string? value) =>
        Event.TryGetValue(_fieldMappings.TryGetValue(sigmaField, out var mapped) ? mapped : sigmaField, out value);
}
