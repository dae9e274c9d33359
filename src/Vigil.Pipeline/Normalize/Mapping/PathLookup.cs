namespace Vigil.Pipeline.Normalize.Mapping;

internal enum PathLookup
{
    Found,

    /// <summary>Every step existed but the value is JSON null (the source said "nothing").</summary>
    Null,

    /// <summary>A step was absent: the source did not send the field at all.</summary>
    Missing,
}
