using Microsoft.AspNetCore.Builder;
using Vigil.Pipeline.Ports;

namespace Vigil.Hosting;

/// <summary>What a host needs from its caller: the store, and a hook for tests to swap the server for a test server.</summary>
internal sealed record ServerSettings
{
    public required StoreLocation Store { get; init; }

    public required IVigilStoreFactory StoreFactory { get; init; }

    public string[] Args { get; init; } = [];

    /// <summary>Overrides <see cref="VigilServerOptions.Urls"/> (the <c>--urls</c> flag).</summary>
    public string? Urls { get; init; }

    public Action<WebApplicationBuilder>? Configure { get; init; }
}
