namespace Vigil.Detection.Matching;

/// <summary>
/// Patterns with at most a leading and a trailing <c>*</c>: one span call each
/// (OrdinalIgnoreCase is vectorised and allocation-free).
/// </summary>
internal sealed class StringValueMatcher(StringKind kind, string needle, StringComparison comparison) : ValueMatcher
{
    public StringKind Kind => kind;

    public string Needle => needle;

    public bool IgnoreCase => comparison == StringComparison.OrdinalIgnoreCase;

    public override bool Matches(ReadOnlySpan<char> value) => Test(kind, value, needle, comparison);

    public static bool Test(StringKind kind, ReadOnlySpan<char> value, ReadOnlySpan<char> needle, StringComparison comparison) => kind switch
    {
        StringKind.Exact => value.Equals(needle, comparison),
        StringKind.Prefix => value.StartsWith(needle, comparison),
        StringKind.Suffix => value.EndsWith(needle, comparison),
        StringKind.Contains => value.Contains(needle, comparison),
        StringKind.AnyValue => true,
        _ => false,
    };

    public override IEnumerable<string>? ExactValues =>
        kind == StringKind.Exact && IgnoreCase ? [needle.ToLowerInvariant()] : null;

    public override int Cost => kind switch
    {
        StringKind.Exact or StringKind.AnyValue => 1,
        StringKind.Prefix or StringKind.Suffix => 2,
        _ => 4,
    };
}
