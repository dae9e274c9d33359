using Microsoft.AspNetCore.Authorization;

namespace Vigil.Hosting.Auth;

/// <summary>One <c>resource:action</c> permission from <see cref="Domain.Access.Permissions"/>; one policy per permission.</summary>
internal sealed record PermissionRequirement(string Permission) : IAuthorizationRequirement;
