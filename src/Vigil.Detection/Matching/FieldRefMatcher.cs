using Vigil.Detection.Events;

namespace Vigil.Detection.Matching;

/// <summary><c>Field|fieldref: Other</c>: the two fields hold an equal value (optionally as prefix/suffix/substring).</summary>
internal sealed class FieldRefMatcher(int fieldId, int otherId, StringKind kind, StringComparison comparison) : Matcher
{
    public override bool Matches(SigmaEvent sigmaEvent)
    {
        for (var slot = sigmaEvent.Slot(fieldId, 0); slot >= 0; slot = sigmaEvent.Slot(fieldId, slot + 1))
        {
            if (sigmaEvent.IsNullAt(slot))
            {
                continue;
            }

            var value = sigmaEvent.SpanAt(slot);
            for (var other = sigmaEvent.Slot(otherId, 0); other >= 0; other = sigmaEvent.Slot(otherId, other + 1))
            {
                if (!sigmaEvent.IsNullAt(other) && StringValueMatcher.Test(kind, value, sigmaEvent.SpanAt(other), comparison))
                {
                    return true;
                }
            }
        }

        return false;
    }

    public override int Cost => 4;
}
