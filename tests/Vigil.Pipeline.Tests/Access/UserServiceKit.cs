using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Time.Testing;
using Vigil.Domain.Ledger;
using Vigil.Pipeline.Access;
using Vigil.Pipeline.Ports;
using Vigil.Storage;
using Vigil.Testing;

namespace Vigil.Pipeline.Tests.Access;

/// <summary>A <see cref="UserService"/> over a real, migrated SQLite store and a real file-backed key ring.</summary>
internal sealed class UserServiceKit : IAsyncDisposable
{
    private readonly TempDirectory _directory;

    private UserServiceKit(TempDirectory directory, IVigilStore store, FakeTimeProvider time, AccountOptions options)
    {
        _directory = directory;
        Store = store;
        Time = time;
        Protection = DataProtectionProvider.Create(new DirectoryInfo(directory.File("keys")));
        Users = new UserService(store, time, Protection, options);
    }

    public IVigilStore Store { get; }

    public FakeTimeProvider Time { get; }

    public IDataProtectionProvider Protection { get; }

    public UserService Users { get; }

    public static async Task<UserServiceKit> StartAsync(AccountOptions? options = null)
    {
        var directory = new TempDirectory();
        var store = new StoreFactory().Open(new StoreLocation { DataDirectory = directory.File("data") });
        await store.MigrateAsync(TestContext.Current.CancellationToken);
        // A time in the middle of a 30-second step, so a test's few seconds never cross a step boundary by accident.
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_800_000_015));
        return new UserServiceKit(directory, store, time, options ?? new AccountOptions());
    }

    public async Task<IReadOnlyList<LedgerEntry>> SystemLedgerAsync() => await Store.ReadLedgerAsync(LedgerChains.System, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        _directory.Dispose();
    }
}
