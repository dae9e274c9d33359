using Vigil.Detection.Events;

namespace Vigil.Detection.Matching;

/// <summary>A field-less keyword: true when any value of the event satisfies the value matcher.</summary>
internal sealed class KeywordMatcher(ValueMatcher value) : Matcher
{
    public ValueMatcher Value => value;

    public override bool Matches(SigmaEvent sigmaEvent)
    {
        for (var slot = 0; slot < sigmaEvent.SlotCount; slot++)
        {
            if (!sigmaEvent.IsNullAt(slot) && value.Matches(sigmaEvent.SpanAt(slot)))
            {
                return true;
            }
        }

        return false;
    }

    public override int Cost => value.Cost * 20;
}
