using Vigil.Detection.Events;

namespace Vigil.Detection.Matching;

/// <summary>
/// One Aho–Corasick pass per field value finds every rule needle in the event at once; a rule none of
/// whose required needles occur is skipped without being evaluated.
/// </summary>
internal sealed class LiteralPrefilter
{
    private readonly Dictionary<LiteralNeedle, int> _ids = [];
    private readonly List<List<int>> _rulesOfNeedle = [];
    private LiteralAutomaton?[] _byField = [];
    private LiteralAutomaton? _anyField;
    private int[][] _rulesOfNeedleArray = [];

    public int NeedleCount => _ids.Count;

    /// <summary>Registers the needles guarding rule <paramref name="ruleIndex"/>.</summary>
    public void Register(IEnumerable<LiteralNeedle> needles, int ruleIndex)
    {
        foreach (var needle in needles)
        {
            if (!_ids.TryGetValue(needle, out var id))
            {
                _ids[needle] = id = _ids.Count;
                _rulesOfNeedle.Add([]);
            }

            if (_rulesOfNeedle[id] is var rules && (rules.Count == 0 || rules[^1] != ruleIndex))
            {
                rules.Add(ruleIndex);
            }
        }
    }

    public void Build()
    {
        // Keyword needles (any field) join every field's automaton, so each value is scanned once, not twice.
        var anyField = _ids.Where(p => p.Key.FieldId == LiteralNeedle.AnyField).ToList();
        var byField = _ids.GroupBy(p => p.Key.FieldId).Where(g => g.Key != LiteralNeedle.AnyField).ToList();
        _byField = new LiteralAutomaton?[byField.Count == 0 ? 0 : byField.Max(g => g.Key) + 1];
        foreach (var group in byField)
        {
            var needles = group.Concat(anyField).ToList();
            _byField[group.Key] = new LiteralAutomaton([.. needles.Select(p => p.Key.Needle)], [.. needles.Select(p => p.Value)]);
        }

        _anyField = anyField.Count == 0 ? null : new LiteralAutomaton([.. anyField.Select(p => p.Key.Needle)], [.. anyField.Select(p => p.Value)]);
        _rulesOfNeedleArray = [.. _rulesOfNeedle.Select(r => r.ToArray())];
    }

    /// <summary>Marks in <paramref name="scratch"/> every rule at least one of whose needles occurs in the event.</summary>
    public void Scan(SigmaEvent sigmaEvent, PrefilterScratch scratch)
    {
        var byField = _byField;
        var anyField = _anyField;
        for (var slot = 0; slot < sigmaEvent.SlotCount; slot++)
        {
            if (sigmaEvent.IsNullAt(slot))
            {
                continue;
            }

            // A field's own automaton also holds the keyword needles; other fields see the keyword automaton alone.
            var id = sigmaEvent.IdAt(slot);
            var automaton = (uint)id < (uint)byField.Length ? byField[id] ?? anyField : anyField;
            automaton?.Scan(sigmaEvent.SpanAt(slot), scratch);
        }

        scratch.PassRulesOfSeenNeedles(_rulesOfNeedleArray);
    }
}
