using System.Collections.Frozen;

namespace Vigil.Detection.Attack;

/// <summary>
/// The MITRE ATT&amp;CK Enterprise catalogue (v18.1 as shipped): techniques, tactics in kill-chain order, and
/// resolution of Sigma <c>attack.*</c> tags. Immutable and safe to share between threads.
/// </summary>
public sealed partial class AttackCatalog
{
    private readonly FrozenDictionary<string, AttackTechnique> _techniques;
    private readonly FrozenDictionary<string, AttackTactic> _tacticsByKey;
    private readonly FrozenDictionary<string, string[]> _v18HintsByV19Tag;

    private AttackCatalog(
        IReadOnlyList<AttackTactic> tactics,
        IEnumerable<AttackTechnique> techniques,
        IReadOnlyDictionary<string, string[]> v18HintsByV19Tag)
    {
        Tactics = tactics;
        _techniques = techniques.ToFrozenDictionary(t => t.Id, StringComparer.OrdinalIgnoreCase);
        var keys = new Dictionary<string, AttackTactic>(StringComparer.OrdinalIgnoreCase);
        foreach (var tactic in tactics)
        {
            keys[tactic.Id] = tactic;
            keys[tactic.ShortName] = tactic;
        }

        _tacticsByKey = keys.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _v18HintsByV19Tag = v18HintsByV19Tag.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The tactics in Enterprise kill-chain order, reconnaissance first and impact last.</summary>
    public IReadOnlyList<AttackTactic> Tactics { get; }

    /// <summary>Every technique and sub-technique, including revoked and deprecated ones.</summary>
    public IEnumerable<AttackTechnique> Techniques => _techniques.Values;

    /// <summary>Finds a technique by id (<c>T1003</c>, <c>t1003.001</c>); null when the catalogue lacks it.</summary>
    public AttackTechnique? FindTechnique(string id) =>
        _techniques.TryGetValue(id.Trim(), out var technique) ? technique : null;

    /// <summary>
    /// Finds a tactic by id (<c>TA0006</c>) or shortname (<c>credential-access</c>, or Sigma-style
    /// <c>credential_access</c>); null when unknown.
    /// </summary>
    public AttackTactic? FindTactic(string idOrShortName) =>
        _tacticsByKey.TryGetValue(idOrShortName.Trim().Replace('_', '-'), out var tactic) ? tactic : null;

    /// <summary>The parent of a sub-technique, or null for a technique (or a parent missing from the data).</summary>
    public AttackTechnique? ParentOf(AttackTechnique technique) =>
        technique.ParentId is { } parentId ? FindTechnique(parentId) : null;

    /// <summary>The sub-techniques of a technique, ordered by id.</summary>
    public IReadOnlyList<AttackTechnique> SubtechniquesOf(string techniqueId) =>
        [.. _techniques.Values
            .Where(t => string.Equals(t.ParentId, techniqueId, StringComparison.OrdinalIgnoreCase))
            .OrderBy(t => t.Id, StringComparer.Ordinal)];

    /// <summary>
    /// Orders items by the kill-chain position of their technique (earliest tactic wins for multi-tactic techniques),
    /// then by technique id. Items whose technique the catalogue does not know go last, in id order. Stable.
    /// </summary>
    public IReadOnlyList<T> OrderByKillChain<T>(IEnumerable<T> items, Func<T, string> techniqueId)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(techniqueId);
        return [.. items
            .Select(item => (Item: item, Id: techniqueId(item)))
            .OrderBy(x => FindTechnique(x.Id)?.KillChainOrder ?? int.MaxValue)
            .ThenBy(x => x.Id, StringComparer.OrdinalIgnoreCase)
            .Select(x => x.Item)];
    }

    /// <summary>Orders technique ids in kill-chain order; see <see cref="OrderByKillChain{T}"/>.</summary>
    public IReadOnlyList<string> OrderByKillChain(IEnumerable<string> techniqueIds) =>
        OrderByKillChain(techniqueIds, id => id);
}
