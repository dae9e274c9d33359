using Vigil.Detection.Events;

namespace Vigil.Detection.Matching;

internal sealed class OrMatcher(Matcher[] children) : Matcher
{
    private readonly Matcher[] _children = [.. children.OrderBy(c => c.Cost)];

    public IReadOnlyList<Matcher> Children => _children;

    public override bool Matches(SigmaEvent sigmaEvent)
    {
        foreach (var child in _children)
        {
            if (child.Matches(sigmaEvent))
            {
                return true;
            }
        }

        return false;
    }

    public override HashSet<string>? RequiredValues(int fieldId)
    {
        var union = new HashSet<string>(StringComparer.Ordinal);
        foreach (var child in _children)
        {
            if (child.RequiredValues(fieldId) is not { } values)
            {
                return null;
            }

            union.UnionWith(values);
        }

        return union;
    }

    public override int Cost => _children.Sum(c => c.Cost);
}
