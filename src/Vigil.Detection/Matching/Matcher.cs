using Vigil.Detection.Events;

namespace Vigil.Detection.Matching;

/// <summary>A compiled boolean test over one event; rules compile once into a tree of these.</summary>
internal abstract class Matcher
{
    public abstract bool Matches(SigmaEvent sigmaEvent);

    /// <summary>
    /// Values (lower case) that field <paramref name="fieldId"/> must equal for this matcher to be true,
    /// or null when it is not so constrained. Used to route rules by EventID without evaluating them.
    /// </summary>
    public virtual HashSet<string>? RequiredValues(int fieldId) => null;

    /// <summary>Rough evaluation cost; AND/OR evaluate cheap children first.</summary>
    public virtual int Cost => 1;
}
