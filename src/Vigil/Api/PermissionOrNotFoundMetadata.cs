namespace Vigil.Api;

/// <summary>Marks an endpoint whose refusal is a 404 about <see cref="What"/> (see <see cref="PermissionOrNotFound"/>); tests read the permission it needs from it.</summary>
internal sealed record PermissionOrNotFoundMetadata(string Permission, string What);
