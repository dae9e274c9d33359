namespace Vigil.Pipeline.Enrich.Context;

/// <summary>Whether an asset can be reached from the internet.</summary>
public enum Exposure
{
    Internal,
    InternetFacing,
}
