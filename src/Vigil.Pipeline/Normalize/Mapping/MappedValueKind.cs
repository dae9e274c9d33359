namespace Vigil.Pipeline.Normalize.Mapping;

internal enum MappedValueKind
{
    String,
    Integer,
    Real,
    Boolean,

    /// <summary>A JSON object or array from the source, carried whole.</summary>
    Json,
}
