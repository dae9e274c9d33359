using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Vigil.Pipeline.Access;

public static class AccessServiceCollectionExtensions
{
    /// <summary>
    /// The Data Protection key ring that encrypts TOTP secrets, console cookies and anti-forgery tokens, kept in
    /// <paramref name="directory"/> (created owner-only). Every process of one installation (server nodes, CLI) must
    /// share it: a secret protected by one key ring cannot be read by another.
    /// </summary>
    public static IServiceCollection AddVigilKeyRing(this IServiceCollection services, string directory)
    {
        var info = Directory.CreateDirectory(directory);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(info.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        services.AddDataProtection().SetApplicationName("vigil").PersistKeysToFileSystem(info);
        return services;
    }

    /// <summary>
    /// <see cref="AccountOptions"/> from <c>Vigil:Accounts</c>. The role list is read by hand: the binder would append
    /// configured roles to the defaults, so a configuration could never require MFA of fewer roles.
    /// </summary>
    internal static IServiceCollection AddAccountOptions(this IServiceCollection services)
    {
        services.TryAddSingleton(provider =>
        {
            var section = provider.GetService<IConfiguration>()?.GetSection(AccountOptions.Section);
            if (section is null || !section.Exists())
            {
                return new AccountOptions();
            }

            var defaults = new AccountOptions();
            var roles = section.GetSection(nameof(AccountOptions.MfaRequiredRoles));
            return defaults with
            {
                MaxFailedSignIns = section.GetValue(nameof(AccountOptions.MaxFailedSignIns), defaults.MaxFailedSignIns),
                LockoutDuration = section.GetValue(nameof(AccountOptions.LockoutDuration), defaults.LockoutDuration),
                MinPasswordLength = section.GetValue(nameof(AccountOptions.MinPasswordLength), defaults.MinPasswordLength),
                MfaRequiredRoles = roles.Exists()
                    ? roles.Get<string[]>() ?? (roles.Value is { } list ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [])
                    : defaults.MfaRequiredRoles,
            };
        });
        return services;
    }
}
