namespace Vigil.Pipeline.Enrich.Context;

/// <summary>Business criticality of an asset or service.</summary>
public enum Criticality
{
    Low,
    Medium,
    High,
    Critical,
}
