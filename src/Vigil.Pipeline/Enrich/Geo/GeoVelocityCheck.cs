using System.Globalization;
using System.Net;
using Vigil.Domain;
using Vigil.Domain.Alerts;
using Vigil.Domain.Entities;
using Vigil.Pipeline.Enrich.Ranges;
using Vigil.Pipeline.Enrich.Sources;
using Vigil.Pipeline.Ports;

namespace Vigil.Pipeline.Enrich.Geo;

/// <summary>
/// Impossible travel for a sign-in: locates its source address, compares it with the same identity's previous located
/// sign-in, and explains a too-fast move away when the identity has a known trip covering it.
/// </summary>
public sealed class GeoVelocityCheck(IVigilStore store, TimeProvider time, IGeoLookup? geo = null, GeoVelocityOptions? options = null)
{
    public const string SourceName = "geo_velocity";

    /// <summary>The check's result on the user entity and the sign-in to remember; null when the alert is not a locatable sign-in.</summary>
    public async Task<(EnrichmentResult Result, SignIn SignIn)?> CheckAsync(Alert alert, CancellationToken cancellationToken)
    {
        if (geo is null || geo.Unavailable is not null || !AuthenticationEvents.IsAuthentication(alert))
        {
            return null;
        }

        var user = alert.Entities.FirstOrDefault(e => e.Type == EntityType.User);
        var address = alert.Entities.Where(e => e.Type == EntityType.Ip)
            .Select(e => IPAddress.Parse(e.Value))
            .FirstOrDefault(a => AddressClassifier.Classify(a).IsGloballyReachable);
        if (user is null || address is null || geo.Lookup(address) is not { Latitude: { } latitude, Longitude: { } longitude } place)
        {
            return null;
        }

        var signIn = new SignIn
        {
            Id = Ids.New("sgn", alert.OccurredAt),
            UserName = user.Value,
            At = alert.OccurredAt,
            Address = address.ToString(),
            Latitude = latitude,
            Longitude = longitude,
            CountryCode = place.CountryCode,
            City = place.City,
            AlertId = alert.Id,
        };
        var now = time.GetUtcNow();
        var previous = await store.GetLastSignInAsync(user.Value, alert.OccurredAt, cancellationToken);
        if (previous is null)
        {
            return (Results.NotFound(SourceName, user, now, missing: [$"no earlier located sign-in of {user.Value} to compare with"]), signIn);
        }

        var identity = await store.FindIdentityAsync(user.Value, cancellationToken);
        var verdict = GeoVelocity.Assess(previous.ToFix(), signIn.ToFix(), identity?.TravelPeriods ?? [], options);
        var attributes = new Attributes()
            .Add("from", previous.ToFix().Place)
            .Add("from_address", previous.Address)
            .Add("to", signIn.ToFix().Place)
            .Add("to_address", signIn.Address)
            .Add("distance_km", Math.Round(verdict.DistanceKm))
            .Add("elapsed_minutes", Math.Round(verdict.Elapsed.TotalMinutes))
            .Add("speed_kmh", double.IsPositiveInfinity(verdict.SpeedKmh) ? null : Math.Round(verdict.SpeedKmh))
            .Add("impossible", verdict.IsImpossible)
            .Add("explained_by_travel", verdict.ExplainedBy is { } trip
                ? string.Create(CultureInfo.InvariantCulture, $"{trip.Country} {trip.From:yyyy-MM-dd}..{trip.To:yyyy-MM-dd}")
                : null)
            .Add("reason", verdict.Reason);
        var missing = identity is null ? [$"no identity record for {user.Value}: known travel cannot be checked"] : (IReadOnlyList<string>)[];
        return (Results.Found(SourceName, user, now, attributes.Build(), verdict.IsImpossible ? "suspicious" : "benign", missing: missing), signIn);
    }
}
