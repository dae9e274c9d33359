using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Vigil.Pipeline.Access;
using Vigil.Pipeline.Ports;

namespace Vigil.Hosting;

/// <summary>What runs before the server takes requests: migrations, the first admin account, optional demo data.</summary>
internal static class ServerStartup
{
    /// <summary>Returns the admin's one-time password when this start created the account; null otherwise.</summary>
    public static async Task<string?> PrepareAsync(WebApplication app, bool demo, CancellationToken cancellationToken)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ServerStartup));
        var store = app.Services.GetRequiredService<IVigilStore>();
        var applied = await store.MigrateAsync(cancellationToken);
        if (applied.Count > 0)
        {
            ServerLog.Migrated(logger, string.Join(", ", applied));
        }

        var password = await app.Services.GetRequiredService<UserService>().EnsureAdminAsync(cancellationToken);
        if (password is not null)
        {
            ServerLog.AdminCreated(logger);
        }

        if (demo)
        {
            var (created, present) = await DemoAlerts.FeedAsync(app.Services, cancellationToken);
            ServerLog.DemoFed(logger, created, present);
        }

        return password;
    }
}
