using Vigil.Detection.Events;

namespace Vigil.Detection.Matching;

internal sealed class AndMatcher(Matcher[] children) : Matcher
{
    private readonly Matcher[] _children = [.. children.OrderBy(c => c.Cost)];

    public IReadOnlyList<Matcher> Children => _children;

    public override bool Matches(SigmaEvent sigmaEvent)
    {
        foreach (var child in _children)
        {
            if (!child.Matches(sigmaEvent))
            {
                return false;
            }
        }

        return true;
    }

    public override HashSet<string>? RequiredValues(int fieldId)
    {
        HashSet<string>? best = null;
        foreach (var child in _children)
        {
            if (child.RequiredValues(fieldId) is { } values && (best is null || values.Count < best.Count))
            {
                best = values;
            }
        }

        return best;
    }

    public override int Cost => _children.Sum(c => c.Cost);
}
