namespace Vigil.Pipeline.Enrich.Context;

/// <summary>The environment an asset runs in.</summary>
public enum DeploymentEnvironment
{
    Production,
    Staging,
    Development,
}
