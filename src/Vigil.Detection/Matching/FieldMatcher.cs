using Vigil.Detection.Events;

namespace Vigil.Detection.Matching;

/// <summary>True when any non-null value of the field satisfies the value matcher.</summary>
internal sealed class FieldMatcher(int fieldId, ValueMatcher value) : Matcher
{
    public int FieldId => fieldId;

    public ValueMatcher Value => value;

    public override bool Matches(SigmaEvent sigmaEvent)
    {
        for (var slot = sigmaEvent.Slot(fieldId, 0); slot >= 0; slot = sigmaEvent.Slot(fieldId, slot + 1))
        {
            if (!sigmaEvent.IsNullAt(slot) && value.Matches(sigmaEvent.SpanAt(slot)))
            {
                return true;
            }
        }

        return false;
    }

    public override HashSet<string>? RequiredValues(int fieldId1) =>
        fieldId1 == fieldId && value.ExactValues is { } exact ? new HashSet<string>(exact, StringComparer.Ordinal) : null;

    public override int Cost => value.Cost;
}
