namespace Vigil.Connectors.Vendors;

/// <summary>A call's parameters do not make a valid request (missing, malformed); the call fails without retry.</summary>
public sealed class ConnectorInputException(string message) : Exception(message);
