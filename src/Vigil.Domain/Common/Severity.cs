namespace Vigil.Domain;

/// <summary>Severity on OCSF's <c>severity_id</c> scale (1 informational … 5 critical).</summary>
public enum Severity
{
    Unknown = 0,
    Informational = 1,
    Low = 2,
    Medium = 3,
    High = 4,
    Critical = 5,
}
