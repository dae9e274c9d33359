using System.Data.Common;
using Vigil.Domain.Access;
using Vigil.Storage.Engines;

namespace Vigil.Storage.Sql;

/// <summary>The MFA, lockout and session columns of a user, shared by insert and update.</summary>
internal static class UserParameters
{
    public static DbCommand AddUserState(this DbCommand command, UserRecord user, StoreEngine engine) => command
        .Add("@totp_secret", user.TotpSecretProtected)
        .Add("@totp_enabled_at", engine.ToDbOrNull(user.TotpEnabledAt))
        .Add("@totp_last_step", user.TotpLastStep)
        .Add("@failed_sign_ins", user.FailedSignIns)
        .Add("@locked_until", engine.ToDbOrNull(user.LockedUntil))
        .Add("@last_sign_in_at", engine.ToDbOrNull(user.LastSignInAt))
        .Add("@security_stamp", user.SecurityStamp);
}
