using Vigil.Pipeline.Enrich.Context;
using Vigil.Pipeline.Enrich.Geo;
using Vigil.Pipeline.Enrich.Intel;
using Vigil.Pipeline.Enrich.Sources;

namespace Vigil.Pipeline.Ports;

/// <summary>Context, threat intelligence, enrichment results and sign-ins.</summary>
public partial interface IVigilStore
{
    /// <summary>The asset whose host name is <paramref name="hostName"/>, or failing that whose first label is.</summary>
    Task<AssetContext?> FindAssetAsync(string hostName, CancellationToken cancellationToken);

    Task<AssetContext?> FindAssetByAddressAsync(string address, CancellationToken cancellationToken);

    /// <summary>Assets in host-name order after <paramref name="after"/>.</summary>
    Task<IReadOnlyList<AssetContext>> ListAssetsAsync(string? after, int limit, CancellationToken cancellationToken);

    /// <summary>The identity whose account name is <paramref name="userName"/>, or whose bare account name (no DOMAIN\ or @realm) is.</summary>
    Task<IdentityContext?> FindIdentityAsync(string userName, CancellationToken cancellationToken);

    Task<IdentityContext?> FindIdentityByEmailAsync(string email, CancellationToken cancellationToken);

    Task<IReadOnlyList<IdentityContext>> ListIdentitiesAsync(string? after, int limit, CancellationToken cancellationToken);

    Task<ServiceContext?> FindServiceAsync(string name, CancellationToken cancellationToken);

    Task<IReadOnlyList<ServiceContext>> ListServicesAsync(string? after, int limit, CancellationToken cancellationToken);

    Task<StoredIndicator?> GetIndicatorAsync(string id, CancellationToken cancellationToken);

    /// <summary>Indicators in id order after <paramref name="after"/>, optionally of one type or value.</summary>
    Task<IReadOnlyList<StoredIndicator>> ListIndicatorsAsync(string? after, int limit, IndicatorType? type, string? value, CancellationToken cancellationToken);

    Task<IntelStamp> GetIntelStampAsync(CancellationToken cancellationToken);

    /// <summary>Every result stored on the case, by entity then source.</summary>
    Task<IReadOnlyList<CaseEnrichment>> GetCaseEnrichmentsAsync(string caseId, CancellationToken cancellationToken);

    /// <summary>
    /// The newest answer <paramref name="source"/> gave about the entity on any case that is still fresh at
    /// <paramref name="now"/> (never a failure): a remote lookup reuses it instead of spending its rate limit.
    /// </summary>
    Task<EnrichmentResult?> FindFreshEnrichmentAsync(string source, string entityKey, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The identity's latest sign-in before <paramref name="before"/>.</summary>
    Task<SignIn?> GetLastSignInAsync(string userName, DateTimeOffset before, CancellationToken cancellationToken);
}
