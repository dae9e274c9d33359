namespace Vigil.Detection.Matching;

/// <summary>Many exact, case-insensitive values (EventID lists, image names): one hash lookup on the span.</summary>
internal sealed class ExactSetValueMatcher : ValueMatcher
{
    private readonly HashSet<string> _values;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public ExactSetValueMatcher(IEnumerable<string> values)
    {
        _values = new HashSet<string>(values, StringComparer.OrdinalIgnoreCase);
        _lookup = _values.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public IEnumerable<string> Values => _values;

    public override bool Matches(ReadOnlySpan<char> value) => _lookup.Contains(value);

    public override IEnumerable<string>? ExactValues => _values.Select(v => v.ToLowerInvariant());

    public override int Cost => 1;
}
