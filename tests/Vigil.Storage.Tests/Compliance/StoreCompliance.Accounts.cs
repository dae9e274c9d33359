using Vigil.Domain;
using Vigil.Domain.Access;

namespace Vigil.Storage.Tests.Compliance;

public abstract partial class StoreCompliance
{
    private static UserRecord NewUser(string username) => new()
    {
        Id = Ids.New(Ids.User),
        Username = username,
        PasswordHash = "pbkdf2-sha256$1$x$y",
        Roles = [Roles.Analyst],
        CreatedAt = T0,
        SecurityStamp = "s0",
    };

    [Fact]
    public async Task Users_UpdateRoundTripsMfaLockoutAndStamp()
    {
        await using var db = await OpenStoreAsync();
        var alice = NewUser("alice");
        await CommitAsync(db.Store, tx => tx.InsertUserAsync(alice, Ct));
        var fresh = await db.Store.GetUserAsync(alice.Id, Ct);
        Assert.Null(fresh!.TotpSecretProtected);
        Assert.Null(fresh.TotpLastStep);
        Assert.Equal(0, fresh.FailedSignIns);
        Assert.Equal("s0", fresh.SecurityStamp);

        var changed = alice with
        {
            PasswordHash = "pbkdf2-sha256$2$a$b",
            Roles = [Roles.Approver, Roles.Auditor],
            MustChangePassword = true,
            TotpSecretProtected = "Q2lwaGVydGV4dA==",
            TotpEnabledAt = T0.AddMinutes(1),
            TotpLastStep = 59_000_123_456,
            FailedSignIns = 3,
            LockedUntil = T0.AddMinutes(15),
            LastSignInAt = T0.AddMinutes(2),
            DisabledAt = T0.AddDays(1),
            SecurityStamp = "s1",
        };
        Assert.True(await CommitAsync(db.Store, async tx =>
        {
            Assert.Equal(alice.Id, (await tx.GetUserForUpdateAsync("alice", Ct))!.Id);
            return await tx.UpdateUserAsync(changed, Ct);
        }));

        var read = await db.Store.FindUserAsync("alice", Ct);
        Assert.Equal(changed with
        {
            CreatedAt = Micros(T0),
            TotpEnabledAt = Micros(T0.AddMinutes(1)),
            LockedUntil = Micros(T0.AddMinutes(15)),
            LastSignInAt = Micros(T0.AddMinutes(2)),
            DisabledAt = Micros(T0.AddDays(1)),
            Roles = read!.Roles,
        }, read);
        Assert.Equal(changed.Roles, read.Roles);
        Assert.False(await CommitAsync(db.Store, tx => tx.UpdateUserAsync(NewUser("ghost"), Ct)));
        Assert.Null(await CommitAsync(db.Store, tx => tx.GetUserForUpdateAsync("ghost", Ct)));
    }

    [Fact]
    public async Task Users_ListByUsernameAndGetById()
    {
        await using var db = await OpenStoreAsync();
        var zed = NewUser("zed");
        var amy = NewUser("amy");
        await CommitAsync(db.Store, async tx =>
        {
            await tx.InsertUserAsync(zed, Ct);
            await tx.InsertUserAsync(amy, Ct);
        });

        Assert.Equal(["amy", "zed"], (await db.Store.ListUsersAsync(Ct)).Select(u => u.Username));
        Assert.Equal("zed", (await db.Store.GetUserAsync(zed.Id, Ct))!.Username);
        Assert.Null(await db.Store.GetUserAsync("usr_missing", Ct));
    }
}
