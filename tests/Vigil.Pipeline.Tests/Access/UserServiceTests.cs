using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Vigil.Domain.Access;
using Vigil.Domain.Ledger;
using Vigil.Pipeline.Access;
using Vigil.Testing;

namespace Vigil.Pipeline.Tests.Access;

public sealed class UserServiceTests
{
    private const string Password = "correct horse battery";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(UserServiceKit Kit, byte[] Secret)> EnrolledAsync(AccountOptions? options = null)
    {
        var kit = await UserServiceKit.StartAsync(options);
        await kit.Users.CreateAsync("Alice", Password, [Roles.Approver], mustChangePassword: false, Actor.System, Ct);
        var enrolment = await kit.Users.BeginTotpEnrolmentAsync("alice", Ct);
        var secret = Totp.FromBase32(enrolment!.Secret);
        Assert.True(await kit.Users.ConfirmTotpEnrolmentAsync("alice", Totp.Compute(secret, kit.Time.GetUtcNow()), Ct));
        // The enrolment code used this step; the tests start from the next one.
        kit.Time.Advance(TimeSpan.FromSeconds(30));
        return (kit, secret);
    }

    [Fact]
    public async Task SignInWithPassword_NoTotp_SignsInResetsFailuresAndLedgers()
    {
        await using var kit = await UserServiceKit.StartAsync();
        await kit.Users.CreateAsync("bob", Password, [Roles.Analyst], mustChangePassword: false, Actor.System, Ct);
        Assert.Equal(SignInResult.Failed, (await kit.Users.SignInWithPasswordAsync("bob", "wrong", "127.0.0.1", Ct)).Result);

        var attempt = await kit.Users.SignInWithPasswordAsync(" BOB ", Password, "127.0.0.1", Ct);

        Assert.Equal(SignInResult.SignedIn, attempt.Result);
        Assert.Equal(0, attempt.User!.FailedSignIns);
        Assert.Equal(kit.Time.GetUtcNow(), attempt.User.LastSignInAt);
        var kinds = (await kit.SystemLedgerAsync()).Select(e => e.Kind).ToArray();
        Assert.Equal([LedgerKinds.UserCreated, LedgerKinds.UserSignInFailed, LedgerKinds.UserSignedIn], kinds);
    }

    [Fact]
    public async Task SignInWithPassword_UnknownUser_FailsLikeWrongPasswordAndLedgers()
    {
        await using var kit = await UserServiceKit.StartAsync();
        var attempt = await kit.Users.SignInWithPasswordAsync("mallory", Password, "10.0.0.9", Ct);
        Assert.Same(SignInAttempt.Failed, attempt);
        var entry = Assert.Single(await kit.SystemLedgerAsync());
        Assert.Equal(LedgerKinds.UserSignInFailed, entry.Kind);
        Assert.Contains("unknown_user", entry.Payload, StringComparison.Ordinal);
        Assert.Contains("10.0.0.9", entry.Payload, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, entry.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInWithPassword_FiveFailures_LocksEvenTheRightPasswordUntilLockoutEnds()
    {
        await using var kit = await UserServiceKit.StartAsync(new AccountOptions { MaxFailedSignIns = 3, LockoutDuration = TimeSpan.FromMinutes(10) });
        await kit.Users.CreateAsync("carol", Password, [Roles.Analyst], mustChangePassword: false, Actor.System, Ct);
        Assert.Equal(SignInResult.Failed, (await kit.Users.SignInWithPasswordAsync("carol", "x1", null, Ct)).Result);
        Assert.Equal(SignInResult.Failed, (await kit.Users.SignInWithPasswordAsync("carol", "x2", null, Ct)).Result);
        Assert.Equal(SignInResult.LockedOut, (await kit.Users.SignInWithPasswordAsync("carol", "x3", null, Ct)).Result);

        Assert.Equal(SignInResult.LockedOut, (await kit.Users.SignInWithPasswordAsync("carol", Password, null, Ct)).Result);
        Assert.Contains(await kit.SystemLedgerAsync(), e => e.Kind == LedgerKinds.UserLockedOut);

        kit.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(SignInResult.SignedIn, (await kit.Users.SignInWithPasswordAsync("carol", Password, null, Ct)).Result);
    }

    [Fact]
    public async Task Unlock_ByAdministrator_LiftsLockoutAndLedgers()
    {
        await using var kit = await UserServiceKit.StartAsync(new AccountOptions { MaxFailedSignIns = 1 });
        await kit.Users.CreateAsync("dave", Password, [Roles.Analyst], mustChangePassword: false, Actor.System, Ct);
        Assert.Equal(SignInResult.LockedOut, (await kit.Users.SignInWithPasswordAsync("dave", "nope", null, Ct)).Result);

        Assert.True(await kit.Users.UnlockAsync("dave", Actor.Human("admin"), Ct));

        Assert.Equal(SignInResult.SignedIn, (await kit.Users.SignInWithPasswordAsync("dave", Password, null, Ct)).Result);
        Assert.Contains(await kit.SystemLedgerAsync(), e => e.Kind == LedgerKinds.UserUnlocked && e.Actor == Actor.Human("admin"));
    }

    [Fact]
    public async Task Enrolment_StoresOnlyCiphertextAndNeedsAValidCodeToTakeEffect()
    {
        await using var kit = await UserServiceKit.StartAsync();
        await kit.Users.CreateAsync("erin", Password, [Roles.Admin], mustChangePassword: false, Actor.System, Ct);

        var enrolment = await kit.Users.BeginTotpEnrolmentAsync("erin", Ct);

        Assert.NotNull(enrolment);
        Assert.StartsWith("otpauth://totp/Vigil:erin?secret=" + enrolment.Secret, enrolment.Uri, StringComparison.Ordinal);
        var stored = (await kit.Store.FindUserAsync("erin", Ct))!;
        Assert.False(stored.HasTotp);
        Assert.DoesNotContain(enrolment.Secret, stored.TotpSecretProtected!, StringComparison.Ordinal);
        Assert.NotEqual(Totp.FromBase32(enrolment.Secret), Convert.FromBase64String(stored.TotpSecretProtected!));
        // Another installation's key ring cannot read the stored secret.
        using var elsewhere = new TempDirectory();
        var foreign = DataProtectionProvider.Create(new DirectoryInfo(elsewhere.Path)).CreateProtector("Vigil.Accounts.Totp.v1");
        Assert.ThrowsAny<CryptographicException>(() => foreign.Unprotect(Convert.FromBase64String(stored.TotpSecretProtected!)));

        Assert.False(await kit.Users.ConfirmTotpEnrolmentAsync("erin", "000000", Ct));
        var secret = Totp.FromBase32(enrolment.Secret);
        Assert.True(await kit.Users.ConfirmTotpEnrolmentAsync("erin", Totp.Compute(secret, kit.Time.GetUtcNow()), Ct));

        var enrolled = (await kit.Store.FindUserAsync("erin", Ct))!;
        Assert.True(enrolled.HasTotp);
        Assert.NotEqual(stored.SecurityStamp, enrolled.SecurityStamp);
        Assert.Null(await kit.Users.BeginTotpEnrolmentAsync("erin", Ct));
        Assert.Contains(await kit.SystemLedgerAsync(), e => e.Kind == LedgerKinds.UserMfaEnrolled);
    }

    [Fact]
    public async Task SignIn_WithTotp_PasswordThenCodeAndTheSameCodeNeverTwice()
    {
        var (kit, secret) = await EnrolledAsync();
        await using var _ = kit;

        var first = await kit.Users.SignInWithPasswordAsync("alice", Password, null, Ct);
        Assert.Equal(SignInResult.TotpRequired, first.Result);
        var code = Totp.Compute(secret, kit.Time.GetUtcNow());
        Assert.Equal(SignInResult.SignedIn, (await kit.Users.SignInWithTotpAsync("alice", code, null, Ct)).Result);
        Assert.Equal(SignInResult.Failed, (await kit.Users.SignInWithTotpAsync("alice", code, null, Ct)).Result);

        var signedIn = Assert.Single(await kit.SystemLedgerAsync(), e => e.Kind == LedgerKinds.UserSignedIn);
        Assert.Contains("password_totp", signedIn.Payload, StringComparison.Ordinal);
        Assert.Contains(await kit.SystemLedgerAsync(), e => e.Kind == LedgerKinds.UserSignInFailed && e.Payload.Contains("bad_totp", StringComparison.Ordinal));
    }

    [Fact]
    public async Task VerifyTotp_WindowOfOneStepAndReplayRefused()
    {
        var (kit, secret) = await EnrolledAsync();
        await using var _ = kit;
        var now = kit.Time.GetUtcNow();

        Assert.False(await kit.Users.VerifyTotpAsync("alice", Totp.Compute(secret, now.AddSeconds(60)), Ct));
        Assert.True(await kit.Users.VerifyTotpAsync("alice", Totp.Compute(secret, now), Ct));
        // The previous step is inside the window but older than the step just used: a replay in all but name.
        Assert.False(await kit.Users.VerifyTotpAsync("alice", Totp.Compute(secret, now.AddSeconds(-30)), Ct));
        Assert.False(await kit.Users.VerifyTotpAsync("alice", Totp.Compute(secret, now), Ct));
        Assert.True(await kit.Users.VerifyTotpAsync("alice", Totp.Compute(secret, now.AddSeconds(30)), Ct));
        Assert.Equal(3, (await kit.SystemLedgerAsync()).Count(e => e.Kind == LedgerKinds.UserMfaFailed));
    }

    [Fact]
    public async Task VerifyTotp_RepeatedWrongCodes_LockTheAccount()
    {
        var (kit, secret) = await EnrolledAsync(new AccountOptions { MaxFailedSignIns = 2 });
        await using var _ = kit;
        Assert.False(await kit.Users.VerifyTotpAsync("alice", "111111", Ct));
        Assert.False(await kit.Users.VerifyTotpAsync("alice", "222222", Ct));

        Assert.False(await kit.Users.VerifyTotpAsync("alice", Totp.Compute(secret, kit.Time.GetUtcNow()), Ct));
        Assert.True((await kit.Store.FindUserAsync("alice", Ct))!.IsLockedOut(kit.Time.GetUtcNow()));
    }

    [Fact]
    public async Task VerifyTotp_NotEnrolledOrUnknown_False()
    {
        await using var kit = await UserServiceKit.StartAsync();
        await kit.Users.CreateAsync("frank", Password, [Roles.Approver], mustChangePassword: false, Actor.System, Ct);
        Assert.False(await kit.Users.VerifyTotpAsync("frank", "123456", Ct));
        Assert.False(await kit.Users.VerifyTotpAsync("nobody", "123456", Ct));
    }

    [Fact]
    public async Task ResetTotp_ClearsSecretAndAllowsEnrolmentAgain()
    {
        var (kit, _) = await EnrolledAsync();
        await using var __ = kit;
        Assert.True(await kit.Users.ResetTotpAsync("alice", Actor.Human("admin"), Ct));
        var user = (await kit.Store.FindUserAsync("alice", Ct))!;
        Assert.False(user.HasTotp);
        Assert.Null(user.TotpSecretProtected);
        Assert.NotNull(await kit.Users.BeginTotpEnrolmentAsync("alice", Ct));
        Assert.Contains(await kit.SystemLedgerAsync(), e => e.Kind == LedgerKinds.UserMfaReset && e.Actor == Actor.Human("admin"));
    }

    [Fact]
    public async Task AdminChanges_RolesDisableAndPassword_EachLedgeredAndStampRotated()
    {
        await using var kit = await UserServiceKit.StartAsync();
        var created = await kit.Users.CreateAsync("gina", Password, [Roles.Viewer], mustChangePassword: false, Actor.System, Ct);
        var admin = Actor.Human("admin");

        Assert.True(await kit.Users.SetRolesAsync("gina", [Roles.Analyst, Roles.Approver], admin, Ct));
        Assert.False(await kit.Users.SetRolesAsync("gina", [Roles.Approver, Roles.Analyst], admin, Ct));
        Assert.Throws<ArgumentException>(() => kit.Users.SetRolesAsync("gina", ["root"], admin, Ct).GetAwaiter().GetResult());
        Assert.True(await kit.Users.SetDisabledAsync("gina", disabled: true, admin, Ct));
        Assert.Equal(SignInResult.Failed, (await kit.Users.SignInWithPasswordAsync("gina", Password, null, Ct)).Result);
        Assert.True(await kit.Users.SetDisabledAsync("gina", disabled: false, admin, Ct));
        var temporary = await kit.Users.ResetPasswordAsync("gina", admin, Ct);
        Assert.NotNull(temporary);

        Assert.Equal(PasswordChange.TooShort, await kit.Users.ChangePasswordAsync("gina", temporary, "short", Ct));
        Assert.Equal(PasswordChange.WrongPassword, await kit.Users.ChangePasswordAsync("gina", Password, "a much longer passphrase", Ct));
        Assert.Equal(PasswordChange.Changed, await kit.Users.ChangePasswordAsync("gina", temporary, "a much longer passphrase", Ct));

        var user = (await kit.Store.FindUserAsync("gina", Ct))!;
        Assert.Equal([Roles.Analyst, Roles.Approver], user.Roles);
        Assert.False(user.MustChangePassword);
        Assert.NotEqual(created.SecurityStamp, user.SecurityStamp);
        var kinds = (await kit.SystemLedgerAsync()).Select(e => e.Kind).ToArray();
        Assert.Equal(
            [LedgerKinds.UserCreated, LedgerKinds.UserRolesChanged, LedgerKinds.UserDisabled, LedgerKinds.UserSignInFailed, LedgerKinds.UserEnabled, LedgerKinds.UserPasswordChanged, LedgerKinds.UserPasswordChanged],
            kinds);
    }
}
