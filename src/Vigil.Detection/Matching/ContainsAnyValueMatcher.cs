namespace Vigil.Detection.Matching;

/// <summary>
/// Many case-insensitive substrings of which one must occur: one Aho–Corasick pass over the value, stopping at the
/// first needle found.
/// </summary>
internal sealed class ContainsAnyValueMatcher : ValueMatcher
{
    private readonly LiteralAutomaton _automaton;

    public ContainsAnyValueMatcher(IReadOnlyList<string> needles)
    {
        Needles = [.. needles.Select(n => n.ToLowerInvariant()).Distinct(StringComparer.Ordinal)];
        _automaton = new LiteralAutomaton(Needles, [.. Enumerable.Range(0, Needles.Count)]);
    }

    public IReadOnlyList<string> Needles { get; }

    public override bool Matches(ReadOnlySpan<char> value) => _automaton.ContainsAny(value);

    public override int Cost => 4;
}
