namespace Vigil.Pipeline.Normalize.Ocsf;

/// <summary>One problem found validating an event against its OCSF class.</summary>
public sealed record OcsfFinding(OcsfFindingLevel Level, string Attribute, string Problem)
{
    public override string ToString() => $"{(Level == OcsfFindingLevel.Error ? "error" : "warning")}: {Attribute}: {Problem}";
}
