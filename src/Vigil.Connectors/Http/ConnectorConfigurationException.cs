namespace Vigil.Connectors.Http;

/// <summary>A connector is missing configuration or a secret it needs; the message names the key, never a value.</summary>
public sealed class ConnectorConfigurationException(string message) : Exception(message);
