using Vigil.Detection.Events;

namespace Vigil.Detection.Matching;

internal sealed class NotMatcher(Matcher inner) : Matcher
{
    public override bool Matches(SigmaEvent sigmaEvent) => !inner.Matches(sigmaEvent);

    public override int Cost => inner.Cost;
}
