using System.Security.Claims;
using Vigil.Domain.Access;
using Vigil.Hosting.Auth;

namespace Vigil.Web;

/// <summary>Who sees the admin area at all: anyone holding one of the permissions its pages need.</summary>
internal static class AdminAccess
{
    public static bool Any(ClaimsPrincipal user) =>
        user.HasPermission(Permissions.UserManage) || user.HasPermission(Permissions.ApiKeyManage) || user.HasPermission(Permissions.DeadLetterRead);
}
