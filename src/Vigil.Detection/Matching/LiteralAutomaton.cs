namespace Vigil.Detection.Matching;

/// <summary>
/// Aho–Corasick automaton over case-folded characters, compiled to a dense DFA on a reduced alphabet:
/// one class lookup and one table lookup per character, no lowering or allocation while scanning. Reports needle indexes.
/// </summary>
internal sealed class LiteralAutomaton
{
    private readonly FoldedAlphabet _alphabet;
    private readonly int _classes;
    private readonly int[] _delta;
    private readonly int[][] _outputs;

    /// <param name="needles">Lower-case needles.</param>
    /// <param name="ids">The id reported for each needle.</param>
    public LiteralAutomaton(IReadOnlyList<string> needles, IReadOnlyList<int> ids)
    {
        _alphabet = new FoldedAlphabet(needles);
        var classes = _alphabet.Count;
        _classes = classes;
        var children = new List<Dictionary<int, int>> { new() };
        var outputs = new List<List<int>?> { null };
        for (var n = 0; n < needles.Count; n++)
        {
            var state = 0;
            foreach (var c in needles[n])
            {
                var cls = _alphabet.ClassOf(c);
                if (!children[state].TryGetValue(cls, out var next))
                {
                    next = children.Count;
                    children.Add([]);
                    outputs.Add(null);
                    children[state][cls] = next;
                }

                state = next;
            }

            (outputs[state] ??= []).Add(ids[n]);
        }

        var states = children.Count;
        _delta = new int[states * classes];
        var fail = new int[states];
        var queue = new Queue<int>();
        foreach (var (cls, child) in children[0])
        {
            _delta[cls] = child;
            queue.Enqueue(child);
        }

        while (queue.Count > 0)
        {
            var state = queue.Dequeue();
            if (outputs[fail[state]] is { } inherited)
            {
                (outputs[state] ??= []).AddRange(inherited);
            }

            for (var cls = 0; cls < classes; cls++)
            {
                if (children[state].TryGetValue(cls, out var child))
                {
                    fail[child] = _delta[fail[state] * classes + cls];
                    _delta[state * classes + cls] = child;
                    queue.Enqueue(child);
                }
                else
                {
                    _delta[state * classes + cls] = _delta[fail[state] * classes + cls];
                }
            }
        }

        _outputs = [.. outputs.Select(o => o?.Distinct().ToArray() ?? [])];

        // Encode each transition as the target's row offset, negated (~) when the target reports needles:
        // the scan loop then does one load and one sign test per character.
        for (var i = 0; i < _delta.Length; i++)
        {
            var target = _delta[i];
            _delta[i] = _outputs[target].Length > 0 ? ~(target * classes) : target * classes;
        }
    }

    /// <summary>True as soon as any needle occurs in <paramref name="text"/>.</summary>
    public bool ContainsAny(ReadOnlySpan<char> text)
    {
        var row = 0;
        var delta = _delta;
        var alphabet = _alphabet;
        foreach (var c in text)
        {
            row = delta[row + alphabet.ClassOf(c)];
            if (row < 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reports to <paramref name="scratch"/> every needle occurring in <paramref name="text"/>.</summary>
    public void Scan(ReadOnlySpan<char> text, PrefilterScratch scratch)
    {
        var row = 0;
        var delta = _delta;
        var alphabet = _alphabet;
        foreach (var c in text)
        {
            row = delta[row + alphabet.ClassOf(c)];
            if (row < 0)
            {
                row = ~row;
                foreach (var id in _outputs[row / _classes])
                {
                    scratch.See(id);
                }
            }
        }
    }
}
