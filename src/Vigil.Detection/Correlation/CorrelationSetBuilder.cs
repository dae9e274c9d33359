using Vigil.Detection.Loading;

namespace Vigil.Detection.Correlation;

/// <summary>Resolves references between correlations and rules, rejecting unknown references and cycles.</summary>
internal sealed class CorrelationSetBuilder
{
    private readonly List<CorrelationRule> _correlations;
    private readonly HashSet<string>? _known;
    private readonly List<SigmaLoadError> _errors = [];
    private readonly Visit[] _state;
    private readonly List<int> _path = [];
    private Dictionary<string, int> _handles = [];

    public CorrelationSetBuilder(List<CorrelationRule> correlations, IEnumerable<SigmaRuleIdentity>? knownRules)
    {
        _correlations = correlations;
        _known = knownRules?.SelectMany(r => (string?[])[r.Id, r.Name]).OfType<string>().ToHashSet(StringComparer.Ordinal);
        _state = new Visit[correlations.Count];
    }

    private enum Visit
    {
        NotVisited,
        InProgress,
        Accepted,
        Rejected,
    }

    public static CompiledCorrelation? FindCorrelation(string reference, CompiledCorrelation[] compiled) =>
        Array.Find(compiled, c => c.Rule.Id == reference || c.Rule.Name == reference);

    public (CompiledCorrelation[] Compiled, IReadOnlyList<SigmaLoadError> Errors) Resolve()
    {
        _handles = IndexHandles();
        var compiled = new List<CompiledCorrelation>();
        for (var i = 0; i < _correlations.Count; i++)
        {
            if (Check(i))
            {
                compiled.Add(new CompiledCorrelation(_correlations[i], compiled.Count));
            }
        }

        return ([.. compiled], _errors);
    }

    private Dictionary<string, int> IndexHandles()
    {
        var handles = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < _correlations.Count; i++)
        {
            foreach (var handle in (string?[])[_correlations[i].Id, _correlations[i].Name])
            {
                if (handle is null)
                {
                    continue;
                }

                if (handles.TryGetValue(handle, out var first) && first != i)
                {
                    Reject(i, _correlations[i].Location.Line,
                        $"'{handle}' is already used by the correlation at {_correlations[first].Location}");
                    continue;
                }

                handles[handle] = i;
            }
        }

        return handles;
    }

    private bool Check(int index)
    {
        switch (_state[index])
        {
            case Visit.Accepted:
                return true;
            case Visit.Rejected:
                return false;
            case Visit.InProgress:
                var loop = _path[_path.IndexOf(index)..].Append(index).Select(i => _correlations[i].DisplayName);
                Reject(index, _correlations[index].Location.Line, $"correlation chain loops: {string.Join(" -> ", loop)}");
                return false;
        }

        _state[index] = Visit.InProgress;
        _path.Add(index);
        var rule = _correlations[index];
        for (var i = 0; i < rule.Rules.Count && _state[index] == Visit.InProgress; i++)
        {
            var reference = rule.Rules[i];
            var line = i < rule.RuleLines.Count ? rule.RuleLines[i] : rule.Location.Line;
            if (_handles.TryGetValue(reference, out var inner))
            {
                if (!Check(inner) && _state[index] == Visit.InProgress)
                {
                    Reject(index, line, $"references correlation '{reference}', which was rejected");
                }
            }
            else if (_known is not null && !_known.Contains(reference))
            {
                Reject(index, line, $"references rule '{reference}', which is not loaded (no rule has that id or name)");
            }
        }

        _path.RemoveAt(_path.Count - 1);
        if (_state[index] == Visit.InProgress)
        {
            _state[index] = Visit.Accepted;
        }

        return _state[index] == Visit.Accepted;
    }

    private void Reject(int index, int line, string message)
    {
        if (_state[index] == Visit.Rejected)
        {
            return;
        }

        var rule = _correlations[index];
        _state[index] = Visit.Rejected;
        _errors.Add(new SigmaLoadError(rule.Location.File, line, message, rule.Id, rule.Title));
    }
}
