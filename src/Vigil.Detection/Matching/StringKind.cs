namespace Vigil.Detection.Matching;

/// <summary>Shapes of a wildcard pattern that have a direct span operation.</summary>
internal enum StringKind
{
    Exact,
    Prefix,
    Suffix,
    Contains,
    AnyValue,
}
