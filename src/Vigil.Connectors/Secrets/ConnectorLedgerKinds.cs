namespace Vigil.Connectors.Secrets;

/// <summary>Ledger kinds for connector administration (system chain). Payloads name the secret, never its value.</summary>
public static class ConnectorLedgerKinds
{
    public const string SecretSet = "connector.secret_set";
    public const string SecretDeleted = "connector.secret_deleted";
}
