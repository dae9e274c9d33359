using Vigil.Pipeline.Ingest.Pull;

namespace Vigil.Listeners;

/// <summary>The pull sources this server polls, built once from configuration.</summary>
internal sealed class PullSources(IReadOnlyList<IPullSource> all)
{
    public IReadOnlyList<IPullSource> All { get; } = all;

    public IPullSource? Find(string name) => All.FirstOrDefault(s => s.Name == name);
}
