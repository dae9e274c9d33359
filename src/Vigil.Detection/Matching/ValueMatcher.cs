namespace Vigil.Detection.Matching;

/// <summary>A compiled test of one field value (a span into the event's buffer, never a new string).</summary>
internal abstract class ValueMatcher
{
    public abstract bool Matches(ReadOnlySpan<char> value);

    /// <summary>Lower-case values this matcher accepts exactly (case-insensitively), or null if it is not an exact test.</summary>
    public virtual IEnumerable<string>? ExactValues => null;

    public virtual int Cost => 2;
}
