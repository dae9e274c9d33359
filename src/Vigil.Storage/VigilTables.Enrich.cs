namespace Vigil.Storage;

public static partial class VigilTables
{
    public const string ContextAssets = "vigil_context_assets";
    public const string ContextAssetAddresses = "vigil_context_asset_addresses";
    public const string ContextIdentities = "vigil_context_identities";
    public const string ContextServices = "vigil_context_services";
    public const string IntelIndicators = "vigil_intel_indicators";
    public const string Enrichments = "vigil_enrichments";
    public const string IdentitySignIns = "vigil_identity_signins";
}
