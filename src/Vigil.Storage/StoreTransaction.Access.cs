using Vigil.Domain.Access;
using Vigil.Domain.DeadLetters;
using Vigil.Storage.Sql;

namespace Vigil.Storage;

internal sealed partial class StoreTransaction
{
    public async Task InsertDeadLetterAsync(DeadLetter deadLetter, CancellationToken cancellationToken)
    {
        await using var command = Command(
            $"INSERT INTO {VigilTables.DeadLetters} ({Columns.DeadLetter}) VALUES (@id, @source, @received_at, @reason, @payload, @content_type, @status, @resolved_at, @resolution, @channel)")
            .Add("@id", deadLetter.Id)
            .Add("@source", deadLetter.Source)
            .Add("@received_at", engine.ToDb(deadLetter.ReceivedAt))
            .Add("@reason", deadLetter.Reason)
            .Add("@payload", deadLetter.Payload)
            .Add("@content_type", deadLetter.ContentType)
            .Add("@status", deadLetter.Status.ToWire())
            .Add("@resolved_at", engine.ToDbOrNull(deadLetter.ResolvedAt))
            .Add("@resolution", deadLetter.Resolution)
            .Add("@channel", deadLetter.Channel);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task UpdateDeadLetterAsync(DeadLetter deadLetter, CancellationToken cancellationToken)
    {
        await using var command = Command(
            $"UPDATE {VigilTables.DeadLetters} SET status = @status, reason = @reason, resolved_at = @resolved_at, resolution = @resolution WHERE id = @id")
            .Add("@status", deadLetter.Status.ToWire())
            .Add("@reason", deadLetter.Reason)
            .Add("@resolved_at", engine.ToDbOrNull(deadLetter.ResolvedAt))
            .Add("@resolution", deadLetter.Resolution)
            .Add("@id", deadLetter.Id);
        if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            throw new InvalidOperationException($"dead letter {deadLetter.Id} does not exist");
        }
    }

    public async Task InsertApiKeyAsync(ApiKeyRecord key, CancellationToken cancellationToken)
    {
        await using var command = Command(
            $"INSERT INTO {VigilTables.ApiKeys} ({Columns.ApiKey}) VALUES (@id, @name, @scopes, @secret_hash, @created_at, @created_by, @source, @revoked_at)")
            .Add("@id", key.Id)
            .Add("@name", key.Name)
            .Add("@scopes", Json.Strings(key.Scopes))
            .Add("@secret_hash", key.SecretHash)
            .Add("@created_at", engine.ToDb(key.CreatedAt))
            .Add("@created_by", key.CreatedBy)
            .Add("@source", key.Source)
            .Add("@revoked_at", engine.ToDbOrNull(key.RevokedAt));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> RevokeApiKeyAsync(string id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = Command($"UPDATE {VigilTables.ApiKeys} SET revoked_at = @at WHERE id = @id AND revoked_at IS NULL")
            .Add("@at", engine.ToDb(at))
            .Add("@id", id);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task InsertUserAsync(UserRecord user, CancellationToken cancellationToken)
    {
        await using var command = Command(
            $"INSERT INTO {VigilTables.Users} ({Columns.User}) VALUES (@id, @username, @password_hash, @roles, @must_change_password, @created_at, @disabled_at, @totp_secret, @totp_enabled_at, @totp_last_step, @failed_sign_ins, @locked_until, @last_sign_in_at, @security_stamp)")
            .Add("@id", user.Id)
            .Add("@username", user.Username)
            .Add("@password_hash", user.PasswordHash)
            .Add("@roles", Json.Strings(user.Roles))
            .Add("@must_change_password", user.MustChangePassword)
            .Add("@created_at", engine.ToDb(user.CreatedAt))
            .Add("@disabled_at", engine.ToDbOrNull(user.DisabledAt))
            .AddUserState(user, engine);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
