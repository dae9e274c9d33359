namespace Vigil.Pipeline.Ports;

/// <summary>A connector secret as stored: only its Data Protection ciphertext, never the value.</summary>
public sealed record ConnectorSecretRecord
{
    public required string Connector { get; init; }

    public required string Name { get; init; }

    /// <summary>The value protected with ASP.NET Data Protection (purpose bound to connector and name).</summary>
    public required string ProtectedValue { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public required string UpdatedBy { get; init; }
}
