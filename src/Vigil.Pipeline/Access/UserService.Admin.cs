using Vigil.Domain.Access;
using Vigil.Domain.Ledger;

namespace Vigil.Pipeline.Access;

public sealed partial class UserService
{
    public Task<IReadOnlyList<UserRecord>> ListAsync(CancellationToken cancellationToken) => store.ListUsersAsync(cancellationToken);

    /// <summary>The user's own change: the current password must be right and the new one long enough and different.</summary>
    public async Task<PasswordChange> ChangePasswordAsync(string username, string current, string replacement, CancellationToken cancellationToken)
    {
        if (replacement.Length < options.MinPasswordLength)
        {
            return PasswordChange.TooShort;
        }

        if (replacement == current)
        {
            return PasswordChange.Unchanged;
        }

        var updated = await ChangeAsync(username, (user, _) =>
            PasswordHasher.Verify(current, user.PasswordHash)
                ? (user with { PasswordHash = PasswordHasher.Hash(replacement), MustChangePassword = false, SecurityStamp = NewStamp() },
                    LedgerKinds.UserPasswordChanged, new { user_id = user.Id, username = user.Username, by = "self" })
                : null,
            Actor.Human(NormalizeUsername(username)),
            cancellationToken);
        return updated is null ? PasswordChange.WrongPassword : PasswordChange.Changed;
    }

    /// <summary>An administrator's reset: a new one-time password (returned once) that must be changed at next sign-in.</summary>
    public async Task<string?> ResetPasswordAsync(string username, Actor actor, CancellationToken cancellationToken)
    {
        var password = PasswordHasher.GenerateOneTimePassword();
        var updated = await ChangeAsync(username, (user, _) =>
            (user with { PasswordHash = PasswordHasher.Hash(password), MustChangePassword = true, SecurityStamp = NewStamp() },
                LedgerKinds.UserPasswordChanged, new { user_id = user.Id, username = user.Username, by = "administrator" }),
            actor,
            cancellationToken);
        return updated is null ? null : password;
    }

    public async Task<bool> SetRolesAsync(string username, IReadOnlyList<string> roles, Actor actor, CancellationToken cancellationToken)
    {
        RequireKnownRoles(roles);
        return await ChangeAsync(username, (user, _) =>
            user.Roles.Order(StringComparer.Ordinal).SequenceEqual(roles.Order(StringComparer.Ordinal))
                ? null
                : (user with { Roles = roles.Distinct(StringComparer.Ordinal).ToArray(), SecurityStamp = NewStamp() },
                    LedgerKinds.UserRolesChanged, new { user_id = user.Id, username = user.Username, from = user.Roles, to = roles }),
            actor,
            cancellationToken) is not null;
    }

    public async Task<bool> SetDisabledAsync(string username, bool disabled, Actor actor, CancellationToken cancellationToken) =>
        await ChangeAsync(username, (user, now) =>
            user.IsActive != disabled
                ? null
                : (user with { DisabledAt = disabled ? now : null, SecurityStamp = NewStamp() },
                    disabled ? LedgerKinds.UserDisabled : LedgerKinds.UserEnabled, new { user_id = user.Id, username = user.Username }),
            actor,
            cancellationToken) is not null;

    public async Task<bool> UnlockAsync(string username, Actor actor, CancellationToken cancellationToken) =>
        await ChangeAsync(username, (user, _) =>
            (user with { FailedSignIns = 0, LockedUntil = null }, LedgerKinds.UserUnlocked, new { user_id = user.Id, username = user.Username }),
            actor,
            cancellationToken) is not null;
}
