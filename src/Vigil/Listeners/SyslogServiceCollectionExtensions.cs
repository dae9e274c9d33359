using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Vigil.Listeners;

internal static class SyslogServiceCollectionExtensions
{
    /// <summary>The syslog listener, configured under <c>Vigil:Syslog</c>; idle unless a port is set.</summary>
    public static IServiceCollection AddSyslogListener(this IServiceCollection services)
    {
        services.AddOptions<SyslogOptions>().BindConfiguration(SyslogOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SyslogCounters>();
        services.AddSingleton<SyslogListener>();
        services.AddSingleton<IHostedService>(provider => provider.GetRequiredService<SyslogListener>());
        return services;
    }
}
