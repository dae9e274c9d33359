using Vigil.Detection.Events;

namespace Vigil.Detection.Matching;

internal sealed class ConstantMatcher(bool result) : Matcher
{
    public static readonly ConstantMatcher True = new(true);

    public override bool Matches(SigmaEvent sigmaEvent) => result;

    public override int Cost => 0;
}
