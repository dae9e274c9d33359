namespace Vigil.Pipeline.Normalize.Mapping;

/// <summary>The descriptive part of a mapping file.</summary>
internal sealed record MappingHeader(string Name, string Description, string Vendor, string Product, string Origin);
