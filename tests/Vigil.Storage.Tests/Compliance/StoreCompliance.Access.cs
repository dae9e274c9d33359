using Vigil.Domain;
using Vigil.Domain.Access;
using Vigil.Domain.Cases;
using Vigil.Domain.DeadLetters;
using Vigil.Pipeline.Ports;

namespace Vigil.Storage.Tests.Compliance;

public abstract partial class StoreCompliance
{
    [Fact]
    public async Task DeadLetters_InsertListFilterPageAndUpdate()
    {
        await using var db = await OpenStoreAsync();
        var letters = Enumerable.Range(0, 5).Select(i => new DeadLetter
        {
            Id = Ids.New(Ids.DeadLetter, T0.AddSeconds(i)),
            Source = i % 2 == 0 ? "syslog" : "webhook",
            ReceivedAt = T0.AddSeconds(i),
            Reason = $"line {i}: not JSON",
            Payload = $"garbage \u0001 {i}",
            ContentType = i == 0 ? null : "text/plain",
            Channel = DeadLetterChannels.All[i % DeadLetterChannels.All.Count],
        }).ToArray();
        await CommitAsync(db.Store, async tx =>
        {
            foreach (var letter in letters)
            {
                await tx.InsertDeadLetterAsync(letter, Ct);
            }
        });

        var replayed = letters[2] with { Status = DeadLetterStatus.Replayed, ResolvedAt = T0.AddHours(1), Resolution = "fixed mapping", Reason = "replay: ok now" };
        await CommitAsync(db.Store, tx => tx.UpdateDeadLetterAsync(replayed, Ct));

        Assert.Equal(letters.Select(l => l.Id), (await db.Store.ListDeadLettersAsync(new DeadLetterQuery(), Ct)).Select(l => l.Id));
        Assert.Equal([letters[0].Id, letters[4].Id], (await db.Store.ListDeadLettersAsync(new DeadLetterQuery { Source = "syslog", Status = DeadLetterStatus.Pending }, Ct)).Select(l => l.Id));
        Assert.Equal([letters[3].Id, letters[4].Id], (await db.Store.ListDeadLettersAsync(new DeadLetterQuery { After = letters[2].Id }, Ct)).Select(l => l.Id));
        Assert.Equal([letters[0].Id, letters[1].Id], (await db.Store.ListDeadLettersAsync(new DeadLetterQuery { Limit = 2 }, Ct)).Select(l => l.Id));
        Assert.Equal(replayed with { ReceivedAt = Micros(replayed.ReceivedAt), ResolvedAt = Micros(replayed.ResolvedAt.Value) }, await db.Store.GetDeadLetterAsync(replayed.Id, Ct));
        Assert.Equal(letters[0] with { ReceivedAt = Micros(letters[0].ReceivedAt) }, await db.Store.GetDeadLetterAsync(letters[0].Id, Ct));
        Assert.Equal(4, (await db.Store.GetStatsAsync(Ct)).DeadLettersPending);
    }

    [Fact]
    public async Task ApiKeys_InsertGetListAndRevokeOnce()
    {
        await using var db = await OpenStoreAsync();
        var ingest = new ApiKeyRecord
        {
            Id = Ids.New(Ids.ApiKey),
            Name = "siem-forwarder",
            Scopes = [Permissions.AlertWrite],
            SecretHash = "ab12",
            CreatedAt = T0,
            CreatedBy = "admin",
            Source = "splunk",
        };
        var admin = ingest with { Id = Ids.New(Ids.ApiKey), Name = "admin", Scopes = [Permissions.All, Permissions.CaseRead], SecretHash = "cd34", CreatedAt = T0.AddMinutes(1), Source = null };
        await CommitAsync(db.Store, async tx =>
        {
            await tx.InsertApiKeyAsync(ingest, Ct);
            await tx.InsertApiKeyAsync(admin, Ct);
        });

        var revoked = await CommitAsync(db.Store, tx => tx.RevokeApiKeyAsync(ingest.Id, T0.AddDays(1), Ct));
        var again = await CommitAsync(db.Store, tx => tx.RevokeApiKeyAsync(ingest.Id, T0.AddDays(2), Ct));

        Assert.True(revoked);
        Assert.False(again);
        var stored = await db.Store.GetApiKeyAsync(ingest.Id, Ct);
        Assert.Equal(Micros(T0.AddDays(1)), stored!.RevokedAt);
        Assert.False(stored.IsActive);
        Assert.Equal(ingest.Scopes, stored.Scopes);
        Assert.Equal("splunk", stored.Source);
        var all = await db.Store.ListApiKeysAsync(Ct);
        Assert.Equal([ingest.Id, admin.Id], all.Select(k => k.Id));
        Assert.Equal(admin.Scopes, all[1].Scopes);
        Assert.Null(await db.Store.GetApiKeyAsync("key_missing", Ct));
    }

    [Fact]
    public async Task Users_InsertFindAndCount()
    {
        await using var db = await OpenStoreAsync();
        var alice = new UserRecord
        {
            Id = Ids.New(Ids.User),
            Username = "alice",
            PasswordHash = "$argon2id$v=19$...",
            Roles = [Roles.Analyst, Roles.Approver],
            MustChangePassword = true,
            CreatedAt = T0,
        };
        Assert.Equal(0, await db.Store.CountUsersAsync(Ct));

        await CommitAsync(db.Store, async tx =>
        {
            await tx.InsertUserAsync(alice, Ct);
            await tx.InsertUserAsync(alice with { Id = Ids.New(Ids.User), Username = "bob", Roles = [], MustChangePassword = false, DisabledAt = T0.AddDays(1) }, Ct);
        });

        var found = await db.Store.FindUserAsync("alice", Ct);
        Assert.Equal(alice.Id, found!.Id);
        Assert.Equal(alice.Roles, found.Roles);
        Assert.True(found.MustChangePassword);
        Assert.Equal(Micros(T0), found.CreatedAt);
        Assert.Equal(Micros(T0.AddDays(1)), (await db.Store.FindUserAsync("bob", Ct))!.DisabledAt);
        Assert.Null(await db.Store.FindUserAsync("mallory", Ct));
        Assert.Equal(2, await db.Store.CountUsersAsync(Ct));
    }

    [Fact]
    public async Task GetStats_CountsEverything()
    {
        await using var db = await OpenStoreAsync();
        var open = NewCase("open");
        var closed = NewCase("closed") with { State = CaseState.Closed };
        var alert = NewAlert("s-1");
        await CommitAsync(db.Store, async tx =>
        {
            await tx.InsertCaseAsync(open, Ct);
            await tx.InsertCaseAsync(closed, Ct);
            await tx.UpsertAlertAsync(alert, Ct);
            await tx.UpsertAlertAsync(NewAlert("s-1"), Ct);
            await tx.UpsertAlertAsync(NewAlert("s-2"), Ct);
            await tx.AppendLedgerAsync(open.Id, "case.opened", Vigil.Domain.Ledger.Actor.System, T0, "{}", Ct);
            await tx.AppendLedgerAsync(open.Id, "case.assigned", Vigil.Domain.Ledger.Actor.System, T0, "{}", Ct);
        });

        Assert.Equal(new StoreStats { Alerts = 2, Occurrences = 3, Cases = 2, OpenCases = 1, LedgerEntries = 2, DeadLettersPending = 0 }, await db.Store.GetStatsAsync(Ct));
    }
}
