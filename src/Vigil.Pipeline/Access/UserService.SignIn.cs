using Vigil.Domain.Access;
using Vigil.Domain.Ledger;
using Vigil.Pipeline.Evidence;
using Vigil.Pipeline.Ports;

namespace Vigil.Pipeline.Access;

public sealed partial class UserService
{
    // Verified against when the username is unknown, so an unknown name costs the same PBKDF2 time as a known one
    // and response times do not reveal which accounts exist.
    private static readonly Lazy<string> DecoyHash = new(() => PasswordHasher.Hash(PasswordHasher.GenerateOneTimePassword()));

    /// <summary>
    /// The first factor. A right password on an account with TOTP answers <see cref="SignInResult.TotpRequired"/>
    /// and records nothing yet; the sign-in is recorded when the code is checked (<see cref="SignInWithTotpAsync"/>).
    /// </summary>
    public async Task<SignInAttempt> SignInWithPasswordAsync(string username, string password, string? from, CancellationToken cancellationToken)
    {
        var name = NormalizeUsername(username);
        var now = time.GetUtcNow();
        await using var transaction = await store.BeginAsync(cancellationToken);
        var user = name.Length is > 0 and <= 64 ? await transaction.GetUserForUpdateAsync(name, cancellationToken) : null;
        var valid = PasswordHasher.Verify(password, user?.PasswordHash ?? DecoyHash.Value);
        if (user is null)
        {
            await RecordFailureAsync(transaction, Actor.Human(Truncate(name)), "unknown_user", from, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return SignInAttempt.Failed;
        }

        if (user.IsLockedOut(now))
        {
            await RecordFailureAsync(transaction, Actor.Human(user.Username), "locked_out", from, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return SignInAttempt.LockedOut;
        }

        if (!valid || !user.IsActive)
        {
            var result = await FailAsync(transaction, user, valid ? "disabled" : "bad_password", from, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }

        if (user.HasTotp)
        {
            return new SignInAttempt(SignInResult.TotpRequired, user);
        }

        var signedIn = await SucceedAsync(transaction, user, "password", from, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new SignInAttempt(SignInResult.SignedIn, signedIn);
    }

    /// <summary>
    /// The second factor, after <see cref="SignInWithPasswordAsync"/> answered <see cref="SignInResult.TotpRequired"/>
    /// (the caller keeps that state). A replayed or wrong code counts as a failed sign-in.
    /// </summary>
    public async Task<SignInAttempt> SignInWithTotpAsync(string username, string code, string? from, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var transaction = await store.BeginAsync(cancellationToken);
        var user = await transaction.GetUserForUpdateAsync(NormalizeUsername(username), cancellationToken);
        if (user is null || !user.HasTotp)
        {
            return SignInAttempt.Failed;
        }

        if (user.IsLockedOut(now))
        {
            await RecordFailureAsync(transaction, Actor.Human(user.Username), "locked_out", from, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return SignInAttempt.LockedOut;
        }

        if (!user.IsActive || MatchFreshStep(user, code, now) is not { } step)
        {
            var result = await FailAsync(transaction, user, user.IsActive ? "bad_totp" : "disabled", from, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }

        var signedIn = await SucceedAsync(transaction, user with { TotpLastStep = step }, "password_totp", from, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new SignInAttempt(SignInResult.SignedIn, signedIn);
    }

    public async Task RecordSignOutAsync(string username, CancellationToken cancellationToken)
    {
        await using var transaction = await store.BeginAsync(cancellationToken);
        await transaction.AppendLedgerAsync(LedgerChains.System, LedgerKinds.UserSignedOut, Actor.Human(NormalizeUsername(username)), time.GetUtcNow(),
            LedgerPayload.From(new { username = NormalizeUsername(username) }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<UserRecord> SucceedAsync(IStoreTransaction transaction, UserRecord user, string method, string? from, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var updated = user with { FailedSignIns = 0, LockedUntil = null, LastSignInAt = now };
        await transaction.UpdateUserAsync(updated, cancellationToken);
        await transaction.AppendLedgerAsync(LedgerChains.System, LedgerKinds.UserSignedIn, Actor.Human(user.Username), now,
            LedgerPayload.From(new { user_id = user.Id, username = user.Username, method, from }), cancellationToken);
        return updated;
    }

    private async Task<SignInAttempt> FailAsync(IStoreTransaction transaction, UserRecord user, string reason, string? from, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var failures = user.FailedSignIns + 1;
        var locks = failures >= options.MaxFailedSignIns;
        var updated = locks
            ? user with { FailedSignIns = 0, LockedUntil = now + options.LockoutDuration }
            : user with { FailedSignIns = failures };
        await transaction.UpdateUserAsync(updated, cancellationToken);
        await RecordFailureAsync(transaction, Actor.Human(user.Username), reason, from, now, cancellationToken);
        if (locks)
        {
            await transaction.AppendLedgerAsync(LedgerChains.System, LedgerKinds.UserLockedOut, Actor.System, now,
                LedgerPayload.From(new { user_id = user.Id, username = user.Username, failures, until = updated.LockedUntil }), cancellationToken);
        }

        return locks ? SignInAttempt.LockedOut : SignInAttempt.Failed;
    }

    private static Task<LedgerEntry> RecordFailureAsync(IStoreTransaction transaction, Actor who, string reason, string? from, DateTimeOffset now, CancellationToken cancellationToken) =>
        transaction.AppendLedgerAsync(LedgerChains.System, LedgerKinds.UserSignInFailed, who, now,
            LedgerPayload.From(new { username = who.Id, reason, from }), cancellationToken);

    private static string Truncate(string name) => name.Length <= 64 ? name : name[..64];
}
