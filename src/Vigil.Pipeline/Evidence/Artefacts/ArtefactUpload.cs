namespace Vigil.Pipeline.Evidence.Artefacts;

/// <summary>A file to attach to a case: its bytes, the name it came with, and where it was collected from.</summary>
public sealed record ArtefactUpload
{
    public required string CaseId { get; init; }

    public required string Name { get; init; }

    public required ReadOnlyMemory<byte> Content { get; init; }

    public required string CollectedFrom { get; init; }

    public string? Description { get; init; }
}
