using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Vigil.Domain;
using Vigil.Domain.Access;
using Vigil.Domain.Ledger;
using Vigil.Pipeline.Evidence;
using Vigil.Pipeline.Ports;

namespace Vigil.Pipeline.Access;

/// <summary>
/// Console accounts: creation, sign-in with lockout, TOTP MFA (also the step-up check approvals use) and
/// administration. Every change and every sign-in, failed or not, is a ledger entry on the system chain written in the
/// same transaction as the change.
/// </summary>
public sealed partial class UserService(IVigilStore store, TimeProvider time, IDataProtectionProvider protection, AccountOptions options)
{
    public const string AdminUsername = "admin";

    private readonly IDataProtector _totpProtector = protection.CreateProtector("Vigil.Accounts.Totp.v1");

    public AccountOptions Options => options;

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
        var normalized = NormalizeUsername(username);
        if (normalized.Length == 0 || normalized.Length > 64 || !normalized.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '@'))
        {
            throw new ArgumentException("a username is 1-64 characters of letters, digits, '.', '_', '-' or '@'", nameof(username));
        }

        RequireKnownRoles(roles);
        var now = time.GetUtcNow();
        var user = new UserRecord
        {
            Id = Ids.New(Ids.User, now),
            Username = normalized,
            PasswordHash = PasswordHasher.Hash(password),
            Roles = roles,
            MustChangePassword = mustChangePassword,
            CreatedAt = now,
            SecurityStamp = NewStamp(),
        };
        await using var transaction = await store.BeginAsync(cancellationToken);
        await transaction.InsertUserAsync(user, cancellationToken);
        await transaction.AppendLedgerAsync(LedgerChains.System, LedgerKinds.UserCreated, actor, now,
            LedgerPayload.From(new { user_id = user.Id, username = user.Username, roles }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return user;
    }

    public Task<UserRecord?> FindAsync(string username, CancellationToken cancellationToken) =>
        store.FindUserAsync(NormalizeUsername(username), cancellationToken);

    public static string NormalizeUsername(string username) => username.Trim().ToLowerInvariant();

    private static string NewStamp() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private static void RequireKnownRoles(IReadOnlyList<string> roles)
    {
        var unknown = roles.Where(role => !Roles.Grants.ContainsKey(role)).ToArray();
        if (unknown.Length > 0)
        {
            throw new ArgumentException($"unknown role(s) {string.Join(", ", unknown)}; known: {string.Join(", ", Roles.Grants.Keys)}", nameof(roles));
        }
    }

    /// <summary>
    /// Runs <paramref name="change"/> on the locked row and writes the result with one ledger entry; null when the
    /// user does not exist or <paramref name="change"/> declines (returns null).
    /// </summary>
    private async Task<UserRecord?> ChangeAsync(
        string username,
        Func<UserRecord, DateTimeOffset, (UserRecord Updated, string Kind, object Payload)?> change,
        Actor actor,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var transaction = await store.BeginAsync(cancellationToken);
        var user = await transaction.GetUserForUpdateAsync(NormalizeUsername(username), cancellationToken);
        if (user is null || change(user, now) is not { } result)
        {
            return null;
        }

        await transaction.UpdateUserAsync(result.Updated, cancellationToken);
        await transaction.AppendLedgerAsync(LedgerChains.System, result.Kind, actor, now, LedgerPayload.From(result.Payload), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result.Updated;
    }
}
