using Microsoft.Extensions.Configuration;

namespace Vigil.Pipeline.Ingest;

/// <summary>The <see cref="SourcePolicy"/> of each configured source, read once.</summary>
public sealed class SourcePolicies(IReadOnlyDictionary<string, SourcePolicy> policies)
{
    public static SourcePolicies None { get; } = new(new Dictionary<string, SourcePolicy>());

    public IReadOnlyDictionary<string, SourcePolicy> All { get; } = policies;

    public static SourcePolicies From(IConfiguration? configuration)
    {
        var policies = new Dictionary<string, SourcePolicy>(StringComparer.Ordinal);
        if (configuration is not null)
        {
            foreach (var section in configuration.GetSection(SourcePolicy.Section).GetChildren())
            {
                policies[section.Key] = section.Get<SourcePolicy>() ?? new SourcePolicy();
            }
        }

        return new SourcePolicies(policies);
    }

    public SourcePolicy? For(string source) => All.GetValueOrDefault(source);
}
