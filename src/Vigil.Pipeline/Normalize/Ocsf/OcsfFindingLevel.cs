namespace Vigil.Pipeline.Normalize.Ocsf;

public enum OcsfFindingLevel
{
    /// <summary>The event is not a valid OCSF 1.8.0 event of its class.</summary>
    Error,

    /// <summary>Valid, but something a consumer may trip over (a deprecated class, an attribute the class lacks).</summary>
    Warning,
}
