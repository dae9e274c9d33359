using YamlDotNet.RepresentationModel;

namespace Vigil.Detection.Loading;

/// <summary>
/// A YAML document the loader recognised but does not interpret itself (a correlation rule: it has a
/// <c>correlation</c> key). Handed over as parsed YAML with its origin so the correlation parser can
/// report errors against the right file and line.
/// </summary>
public sealed record SigmaRawDocument(string File, int Line, YamlMappingNode Root);
