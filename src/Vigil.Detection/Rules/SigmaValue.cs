namespace Vigil.Detection.Rules;

/// <summary>One value of a detection item as written in the rule (modifiers not yet applied).</summary>
public sealed record SigmaValue(string Text, SigmaValueKind Kind, int Line)
{
    /// <summary>True for a YAML null.</summary>
    public bool IsNull => Kind == SigmaValueKind.Null;
}
