namespace Vigil.Detection.Matching;

/// <summary>A lower-case substring that some value of a field must contain for a matcher to be true.</summary>
internal readonly record struct LiteralNeedle(int FieldId, string Needle);
