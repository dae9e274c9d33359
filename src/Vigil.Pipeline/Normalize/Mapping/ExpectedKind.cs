namespace Vigil.Pipeline.Normalize.Mapping;

/// <summary>The JSON kind a mapping expression expects to read; a different kind is reported as drift.</summary>
internal enum ExpectedKind
{
    /// <summary>Any string, number or boolean (the default: scalars convert into each other).</summary>
    Scalar,
    String,
    Number,
    Boolean,
    Object,
    Array,

    /// <summary>No expectation: copy whatever is there.</summary>
    Any,
}
