namespace Vigil.Storage;

public static partial class VigilTables
{
    public const string ConnectorSecrets = "vigil_connector_secrets";
    public const string DataProtectionKeys = "vigil_data_protection_keys";
    public const string Blocklist = "vigil_blocklist";
}
