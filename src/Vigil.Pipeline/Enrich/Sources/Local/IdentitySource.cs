using System.Globalization;
using Vigil.Domain.Entities;
using Vigil.Pipeline.Enrich.Context;
using Vigil.Pipeline.Ports;

namespace Vigil.Pipeline.Enrich.Sources.Local;

/// <summary>The identity directory: users by account name (also without DOMAIN\ or @realm) or email.</summary>
public sealed class IdentitySource(IVigilStore store, TimeProvider time) : IEnrichmentSource
{
    public const string SourceName = "identities";

    public string Name => SourceName;

    public bool Supports(EntityType type) => type is EntityType.User or EntityType.Email;

    public async Task<EnrichmentResult> LookupAsync(Entity entity, CancellationToken cancellationToken)
    {
        var identity = entity.Type == EntityType.User
            ? await store.FindIdentityAsync(entity.Value, cancellationToken) ?? await store.FindIdentityByEmailAsync(entity.Value, cancellationToken)
            : await store.FindIdentityByEmailAsync(entity.Value, cancellationToken);
        var now = time.GetUtcNow();
        if (identity is null)
        {
            // An outside sender's address has no directory entry, and that is normal; a user account should have one.
            return Results.NotFound(Name, entity, now, missing: entity.Type == EntityType.User ? [$"no identity record for user {entity.Value}"] : null);
        }

        var attributes = new Attributes()
            .Add("user", identity.UserName)
            .Add("email", identity.Email)
            .Add("display_name", identity.DisplayName)
            .Add("role", identity.Role)
            .Add("manager", identity.Manager)
            .Add("department", identity.Department)
            .Add("lifecycle", identity.Lifecycle)
            .Add("privileged", identity.Privileged)
            .Add("travel", identity.TravelPeriods.Select(Describe).ToArray());
        return Results.Found(Name, entity, now, attributes.Build(), missing: ContextGaps.Of(identity));
    }

    private static string Describe(TravelPeriod trip) => string.Create(CultureInfo.InvariantCulture,
        $"{trip.Country}{(trip.City is null ? "" : " (" + trip.City + ")")} {trip.From:yyyy-MM-dd}..{trip.To:yyyy-MM-dd}");
}
