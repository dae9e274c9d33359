namespace Vigil.Pipeline.Evidence;

public sealed record PackageEntity(string Type, string Value);
