namespace Vigil.Pipeline.Enrich.Context;

/// <summary>The three context stores.</summary>
public enum ContextKind
{
    Assets,
    Identities,
    Services,
}
