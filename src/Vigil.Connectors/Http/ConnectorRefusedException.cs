namespace Vigil.Connectors.Http;

/// <summary>The SSRF guard refused every address the connector's host resolved to.</summary>
public sealed class ConnectorRefusedException(string message) : Exception(message);
