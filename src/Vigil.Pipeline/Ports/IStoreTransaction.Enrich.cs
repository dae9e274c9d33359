using Vigil.Pipeline.Enrich.Context;
using Vigil.Pipeline.Enrich.Geo;
using Vigil.Pipeline.Enrich.Intel;
using Vigil.Pipeline.Enrich.Sources;

namespace Vigil.Pipeline.Ports;

public partial interface IStoreTransaction
{
    /// <summary>Inserts or replaces the asset (by host name), with its addresses; true when it is new.</summary>
    Task<bool> UpsertAssetAsync(AssetContext asset, DateTimeOffset at, CancellationToken cancellationToken);

    Task<bool> DeleteAssetAsync(string hostName, CancellationToken cancellationToken);

    Task<bool> UpsertIdentityAsync(IdentityContext identity, DateTimeOffset at, CancellationToken cancellationToken);

    Task<bool> DeleteIdentityAsync(string userName, CancellationToken cancellationToken);

    Task<bool> UpsertServiceAsync(ServiceContext service, DateTimeOffset at, CancellationToken cancellationToken);

    Task<bool> DeleteServiceAsync(string name, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces the indicator under <see cref="StoredIndicator.IdOf"/>; true when it is new.</summary>
    Task<bool> UpsertIndicatorAsync(Indicator indicator, DateTimeOffset at, CancellationToken cancellationToken);

    Task<bool> DeleteIndicatorAsync(string id, CancellationToken cancellationToken);

    /// <summary>Stores a result on a case, replacing the previous one for the same entity and source.</summary>
    Task UpsertEnrichmentAsync(CaseEnrichment enrichment, CancellationToken cancellationToken);

    Task InsertSignInAsync(SignIn signIn, CancellationToken cancellationToken);
}
