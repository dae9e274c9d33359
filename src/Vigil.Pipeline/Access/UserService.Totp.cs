using System.Security.Cryptography;
using Vigil.Domain.Access;
using Vigil.Domain.Ledger;
using Vigil.Pipeline.Evidence;

namespace Vigil.Pipeline.Access;

public sealed partial class UserService
{
    /// <summary>
    /// Step-up check for a signed-in user (approving a disruptive action, say): true when <paramref name="code"/> is
    /// a valid TOTP code for a step not used before. A wrong or replayed code is a ledger entry and counts toward
    /// lockout; a locked, disabled or unenrolled account always answers false.
    /// </summary>
    public async Task<bool> VerifyTotpAsync(string username, string code, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var transaction = await store.BeginAsync(cancellationToken);
        var user = await transaction.GetUserForUpdateAsync(NormalizeUsername(username), cancellationToken);
        if (user is null || !user.HasTotp || !user.IsActive || user.IsLockedOut(now))
        {
            return false;
        }

        if (MatchFreshStep(user, code, now) is { } step)
        {
            await transaction.UpdateUserAsync(user with { TotpLastStep = step, FailedSignIns = 0 }, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }

        var failures = user.FailedSignIns + 1;
        var locks = failures >= options.MaxFailedSignIns;
        await transaction.UpdateUserAsync(
            locks ? user with { FailedSignIns = 0, LockedUntil = now + options.LockoutDuration } : user with { FailedSignIns = failures },
            cancellationToken);
        await transaction.AppendLedgerAsync(LedgerChains.System, LedgerKinds.UserMfaFailed, Actor.Human(user.Username), now,
            LedgerPayload.From(new { user_id = user.Id, username = user.Username, purpose = "step_up" }), cancellationToken);
        if (locks)
        {
            await transaction.AppendLedgerAsync(LedgerChains.System, LedgerKinds.UserLockedOut, Actor.System, now,
                LedgerPayload.From(new { user_id = user.Id, username = user.Username, failures, until = now + options.LockoutDuration }), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return false;
    }

    /// <summary>
    /// Starts (or restarts) enrolment with a fresh secret, stored encrypted and not yet in force. Null when the
    /// account does not exist or already has TOTP in force (an administrator resets it first).
    /// </summary>
    public async Task<TotpEnrolment?> BeginTotpEnrolmentAsync(string username, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var transaction = await store.BeginAsync(cancellationToken);
        var user = await transaction.GetUserForUpdateAsync(NormalizeUsername(username), cancellationToken);
        if (user is null || user.HasTotp)
        {
            return null;
        }

        var secret = Totp.NewSecret();
        try
        {
            await transaction.UpdateUserAsync(user with { TotpSecretProtected = Protect(secret), TotpEnabledAt = null, TotpLastStep = null }, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new TotpEnrolment(Totp.ToBase32(secret), Totp.Uri(user.Username, secret));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    /// <summary>Puts the pending secret in force once a code from the authenticator matches it; false otherwise.</summary>
    public async Task<bool> ConfirmTotpEnrolmentAsync(string username, string code, CancellationToken cancellationToken)
    {
        var updated = await ChangeAsync(username, (user, now) =>
            user.TotpSecretProtected is not null && !user.HasTotp && MatchStep(user, code, now) is { } step
                ? (user with { TotpEnabledAt = now, TotpLastStep = step, SecurityStamp = NewStamp() },
                    LedgerKinds.UserMfaEnrolled, new { user_id = user.Id, username = user.Username, method = "totp" })
                : null,
            Actor.Human(NormalizeUsername(username)),
            cancellationToken);
        return updated is not null;
    }

    /// <summary>Removes TOTP from an account (lost phone); the user enrols again at next sign-in if a role requires it.</summary>
    public async Task<bool> ResetTotpAsync(string username, Actor actor, CancellationToken cancellationToken) =>
        await ChangeAsync(username, (user, _) =>
            (user with { TotpSecretProtected = null, TotpEnabledAt = null, TotpLastStep = null, SecurityStamp = NewStamp() },
                LedgerKinds.UserMfaReset, new { user_id = user.Id, username = user.Username }),
            actor,
            cancellationToken) is not null;

    /// <summary>A valid code for a step later than the last one accepted (RFC 6238 §5.2: each code is accepted once).</summary>
    private long? MatchFreshStep(UserRecord user, string code, DateTimeOffset now) =>
        MatchStep(user, code, now) is { } step && (user.TotpLastStep is not { } last || step > last) ? step : null;

    private long? MatchStep(UserRecord user, string code, DateTimeOffset now)
    {
        if (user.TotpSecretProtected is not { } protectedSecret)
        {
            return null;
        }

        var secret = _totpProtector.Unprotect(Convert.FromBase64String(protectedSecret));
        try
        {
            return Totp.MatchStep(secret, code, now);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    private string Protect(byte[] secret) => Convert.ToBase64String(_totpProtector.Protect(secret));
}
