namespace Vigil.Pipeline.Normalize.Mapping;

/// <summary>A literal run of a template, or a <c>{path}</c> placeholder.</summary>
internal readonly record struct TemplatePart(string? Literal, FieldPath? Path);
