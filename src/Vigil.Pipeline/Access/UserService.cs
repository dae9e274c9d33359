using Vigil.Domain;
using Vigil.Domain.Access;
using Vigil.Domain.Ledger;
using Vigil.Pipeline.Evidence;
using Vigil.Pipeline.Ports;

namespace Vigil.Pipeline.Access;

public sealed class UserService(IVigilStore store, TimeProvider time)
{
    public const string AdminUsername = "admin";

    /// <summary>
    /// On first start, creates the admin account with a generated one-time password and returns it for printing;
    /// returns null when any user exists. There is never a fixed default password.
    /// </summary>
    public async Task<string?> EnsureAdminAsync(CancellationToken cancellationToken)
    {
        if (await store.CountUsersAsync(cancellationToken) > 0)
        {
            return null;
        }

        var password = PasswordHasher.GenerateOneTimePassword();
        await CreateAsync(AdminUsername, password, [Roles.Admin], mustChangePassword: true, Actor.System, cancellationToken);
        return password;
    }

    public async Task<UserRecord> CreateAsync(string username, string password, IReadOnlyList<string> roles, bool mustChangePassword, Actor actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var user = new UserRecord
        {
            Id = Ids.New(Ids.User, now),
            Username = username.Trim().ToLowerInvariant(),
            PasswordHash = PasswordHasher.Hash(password),
            Roles = roles,
            MustChangePassword = mustChangePassword,
            CreatedAt = now,
        };
        await using var transaction = await store.BeginAsync(cancellationToken);
        await transaction.InsertUserAsync(user, cancellationToken);
        await transaction.AppendLedgerAsync(LedgerChains.System, LedgerKinds.UserCreated, actor, now,
            LedgerPayload.From(new { user_id = user.Id, username = user.Username, roles }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return user;
    }
}
