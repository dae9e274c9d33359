namespace Vigil.Pipeline.Enrich.Intel;

/// <summary>The threat-intelligence formats Vigil imports.</summary>
public enum IntelFormat
{
    /// <summary>Decide from the content: a STIX bundle, MISP JSON, or otherwise CSV.</summary>
    Auto,
    Stix,
    Misp,
    Csv,
}
