namespace Vigil.Pipeline.Normalize.Mapping;

internal enum ConditionKind
{
    Exists,
    Absent,
    Equals,
    Prefix,
    Contains,
    Regex,
}
