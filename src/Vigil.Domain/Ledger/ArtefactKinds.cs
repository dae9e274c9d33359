namespace Vigil.Domain.Ledger;

/// <summary>Ledger entry kinds of an artefact's chain of custody, written on its case's chain.</summary>
public static class ArtefactKinds
{
    public const string Collected = "artefact.collected";
    public const string Accessed = "artefact.accessed";
}
