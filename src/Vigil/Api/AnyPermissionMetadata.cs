namespace Vigil.Api;

/// <summary>Marks an endpoint open to a caller holding any of <see cref="Permissions"/> (see <see cref="AnyPermission"/>), so tests can find them.</summary>
internal sealed record AnyPermissionMetadata(IReadOnlyList<string> Permissions);
