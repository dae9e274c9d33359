namespace Vigil.Detection.Matching;

/// <summary>OR of value matchers on the same value.</summary>
internal sealed class AnyValueMatcher(ValueMatcher[] matchers) : ValueMatcher
{
    private readonly ValueMatcher[] _matchers = [.. matchers.OrderBy(m => m.Cost)];

    public IReadOnlyList<ValueMatcher> Matchers => _matchers;

    public override bool Matches(ReadOnlySpan<char> value)
    {
        foreach (var matcher in _matchers)
        {
            if (matcher.Matches(value))
            {
                return true;
            }
        }

        return false;
    }

    public override IEnumerable<string>? ExactValues
    {
        get
        {
            var all = new List<string>();
            foreach (var matcher in _matchers)
            {
                if (matcher.ExactValues is not { } exact)
                {
                    return null;
                }

                all.AddRange(exact);
            }

            return all;
        }
    }

    public override int Cost => _matchers.Sum(m => m.Cost);
}
