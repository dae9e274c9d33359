using System.Text.RegularExpressions;

namespace Vigil.Detection.Matching;

/// <summary><c>|re</c>: unanchored search, as PCRE backends do (modifiers appendix, "Regular Expression").</summary>
internal sealed class RegexValueMatcher(Regex regex) : ValueMatcher
{
    public override bool Matches(ReadOnlySpan<char> value) => regex.IsMatch(value);

    public override int Cost => 20;
}
