using Vigil.Detection.Events;

namespace Vigil.Detection.Matching;

/// <summary><c>Field|exists: true/false</c>: presence only, whatever the value (modifiers appendix).</summary>
internal sealed class FieldExistsMatcher(int fieldId, bool expected) : Matcher
{
    public override bool Matches(SigmaEvent sigmaEvent) => (sigmaEvent.Slot(fieldId, 0) >= 0) == expected;

    public override int Cost => 0;
}
