using System.Text.RegularExpressions;

namespace Vigil.Detection.Matching;

/// <summary><c>|re</c>: unanchored search, as PCRE backends do (modifiers appendix, "Regular Expression").</summary>
internal sealed class RegexValueMatcher(Regex regex) : ValueMatcher
{
    public override bool Matches(ReadOnlySpan<char> value)
    {
        try
        {
            return regex.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological value must not stall the pipeline; a timed-out search counts as no match.
            return false;
        }
    }

    public override int Cost => 20;
}
