namespace Vigil.Detection.Matching;

/// <summary>
/// A lower-case substring that some value of a field must contain for a matcher to be true; a field id of
/// <see cref="AnyField"/> means some value of any field (a Sigma keyword).
/// </summary>
internal readonly record struct LiteralNeedle(int FieldId, string Needle)
{
    public const int AnyField = -1;
}
