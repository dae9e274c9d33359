namespace Vigil.Detection.Rules;

/// <summary>
/// <c>Field|mod1|mod2: values</c>. <see cref="Field"/> is null for keywords (values searched in every field).
/// Values are OR-ed unless the <c>all</c> modifier is present.
/// </summary>
public sealed record SigmaFieldTest(string? Field, IReadOnlyList<string> Modifiers, IReadOnlyList<SigmaValue> Values, int Line)
    : SigmaDetectionItem(Line);
