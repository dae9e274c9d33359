using Vigil.Domain.Access;
using Vigil.Storage.Sql;

namespace Vigil.Storage;

internal sealed partial class StoreTransaction
{
    public async Task<UserRecord?> GetUserForUpdateAsync(string username, CancellationToken cancellationToken)
    {
        await using var command = Command($"SELECT {Columns.User} FROM {VigilTables.Users} WHERE username = @username{engine.ForUpdate}")
            .Add("@username", username);
        return await Query.FirstAsync(command, engine, Rows.User, cancellationToken);
    }

    public async Task<bool> UpdateUserAsync(UserRecord user, CancellationToken cancellationToken)
    {
        await using var command = Command(
            $"UPDATE {VigilTables.Users} SET password_hash = @password_hash, roles = @roles, must_change_password = @must_change_password,"
            + " disabled_at = @disabled_at, totp_secret = @totp_secret, totp_enabled_at = @totp_enabled_at, totp_last_step = @totp_last_step,"
            + " failed_sign_ins = @failed_sign_ins, locked_until = @locked_until, last_sign_in_at = @last_sign_in_at, security_stamp = @security_stamp"
            + " WHERE id = @id")
            .Add("@password_hash", user.PasswordHash)
            .Add("@roles", Json.Strings(user.Roles))
            .Add("@must_change_password", user.MustChangePassword)
            .Add("@disabled_at", engine.ToDbOrNull(user.DisabledAt))
            .AddUserState(user, engine)
            .Add("@id", user.Id);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
