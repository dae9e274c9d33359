namespace Vigil.Detection.Matching;

/// <summary>
/// Aho–Corasick automaton over case-folded characters, compiled to a dense DFA on a reduced alphabet:
/// one table lookup per character, no lowering or allocation while scanning. Reports needle indexes.
/// </summary>
internal sealed class LiteralAutomaton
{
    private readonly ushort[] _classOf = new ushort[char.MaxValue + 1];
    private readonly int _classes;
    private readonly int[] _delta;
    private readonly int[][] _outputs;

    /// <param name="needles">Lower-case needles.</param>
    /// <param name="ids">The id reported for each needle.</param>
    public LiteralAutomaton(IReadOnlyList<string> needles, IReadOnlyList<int> ids)
    {
        // Alphabet: each distinct (lower-case) needle character is a class; its upper-case form shares it.
        var classes = 1;
        foreach (var needle in needles)
        {
            foreach (var c in needle)
            {
                if (_classOf[c] == 0)
                {
                    _classOf[c] = (ushort)classes;
                    var upper = char.ToUpperInvariant(c);
                    if (_classOf[upper] == 0)
                    {
                        _classOf[upper] = (ushort)classes;
                    }

                    classes++;
                }
            }
        }

        _classes = classes;
        var children = new List<Dictionary<int, int>> { new() };
        var outputs = new List<List<int>?> { null };
        for (var n = 0; n < needles.Count; n++)
        {
            var state = 0;
            foreach (var c in needles[n])
            {
                var cls = _classOf[c];
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

    /// <summary>Reports to <paramref name="scratch"/> every needle occurring in <paramref name="text"/>.</summary>
    public void Scan(ReadOnlySpan<char> text, PrefilterScratch scratch)
    {
        var row = 0;
        var delta = _delta;
        var classOf = _classOf;
        foreach (var c in text)
        {
            row = delta[row + classOf[c]];
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
