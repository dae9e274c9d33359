using Vigil.Detection.Events;

namespace Vigil.Detection.Matching;

/// <summary>
/// <c>Field: null</c>. The spec leaves null's meaning to the backend; like most backends we take it as
/// "no value": the field is absent, JSON null, or empty.
/// </summary>
internal sealed class FieldNullMatcher(int fieldId) : Matcher
{
    public override bool Matches(SigmaEvent sigmaEvent)
    {
        for (var slot = sigmaEvent.Slot(fieldId, 0); slot >= 0; slot = sigmaEvent.Slot(fieldId, slot + 1))
        {
            if (!sigmaEvent.IsNullAt(slot) && sigmaEvent.SpanAt(slot).Length > 0)
            {
                return false;
            }
        }

        return true;
    }
}
