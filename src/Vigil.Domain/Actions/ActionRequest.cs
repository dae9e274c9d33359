using System.Security.Cryptography;
using System.Text;
using Vigil.Domain.Ledger;

namespace Vigil.Domain.Actions;

/// <summary>
/// A request to run one catalogued action with exact parameters. <see cref="ParameterHash"/> binds approvals to
/// these parameters: an approval given for one host never isolates another.
/// </summary>
public sealed record ActionRequest
{
    public required string Id { get; init; }

    public required string CaseId { get; init; }

    public required string Type { get; init; }

    /// <summary>Parameters, sorted by name so that the hash does not depend on the order they were given in.</summary>
    public required IReadOnlyDictionary<string, string> Parameters { get; init; }

    public required Actor RequestedBy { get; init; }

    /// <summary>The author of the playbook that asked for it, who may not approve it either.</summary>
    public string? PlaybookAuthor { get; init; }

    public required DateTimeOffset RequestedAt { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    public required string ParameterHash { get; init; }

    public static ActionRequest Create(
        string id, ActionDefinition definition, string caseId, IReadOnlyDictionary<string, string> parameters,
        Actor requestedBy, string? playbookAuthor, DateTimeOffset now)
    {
        var missing = definition.RequiredInputs.Where(input => !parameters.ContainsKey(input) || string.IsNullOrWhiteSpace(parameters[input])).ToArray();
        if (missing.Length > 0)
        {
            throw new ArgumentException($"{definition.Type} needs {string.Join(", ", missing)}", nameof(parameters));
        }

        var sorted = new SortedDictionary<string, string>(parameters.ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal);
        return new ActionRequest
        {
            Id = id,
            CaseId = caseId,
            Type = definition.Type,
            Parameters = sorted,
            RequestedBy = requestedBy,
            PlaybookAuthor = playbookAuthor,
            RequestedAt = now,
            ExpiresAt = now + definition.ApprovalWindow,
            ParameterHash = ComputeHash(definition.Type, sorted),
        };
    }

    /// <summary>SHA-256 over the type and length-prefixed parameter pairs, so no two parameter sets can collide by concatenation.</summary>
    public static string ComputeHash(string type, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var text = new StringBuilder().Append(type.Length).Append(':').Append(type);
        foreach (var (key, value) in parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append('|').Append(key.Length).Append(':').Append(key).Append(value.Length).Append(':').Append(value);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>True while the parameters are exactly those that were hashed when the request was made.</summary>
    public bool IsIntact => string.Equals(ParameterHash, ComputeHash(Type, Parameters), StringComparison.Ordinal);
}
