namespace Vigil.Api;

/// <summary>Marks an endpoint whose refusal is a 404 (see <see cref="PermissionOrNotFound"/>), so tests can find the permission it needs.</summary>
internal sealed record PermissionOrNotFoundMetadata(string Permission);
