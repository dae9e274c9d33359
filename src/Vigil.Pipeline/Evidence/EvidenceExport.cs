namespace Vigil.Pipeline.Evidence;

/// <summary>A signed package: the parsed content, the file bytes, and the file's SHA-256.</summary>
public sealed record EvidenceExport(EvidencePackage Package, byte[] File, string Digest, string KeyId);
