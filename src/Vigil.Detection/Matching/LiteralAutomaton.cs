using System.Runtime.CompilerServices;

namespace Vigil.Detection.Matching;

/// <summary>
/// Aho–Corasick automaton over case-folded characters on a reduced alphabet, reporting needle indexes with no
/// lowering or allocation while scanning. Shallow and branching states get a dense row (one table lookup per
/// character); the long single-path tails of the trie keep only their few children and a failure link.
/// </summary>
/// <remarks>
/// A fully dense table cost states × classes entries: SigmaHQ's hash IOC rules (4,432 <c>md5=…</c> needles in one
/// rule) made 185,000-state automata per rule and a 238,000 × 45 table in the prefilter, 133 MB of tables in all
/// and half of the pack's compile time in allocation, zeroing and page faults. Tails of a trie almost never branch,
/// so a state gets a dense row only while it is shallow (where scanning spends its time) or has
/// <see cref="DenseChildren"/> children or more; the tables for the whole pack now take a few megabytes.
/// </remarks>
internal sealed class LiteralAutomaton
{
    // Every state up to this depth gets a dense row: text that does not match keeps the scan in these states.
    private const int DenseDepth = 2;

    // Deeper levels get dense rows too while the table stays within this many entries (16 MiB): all but the hash-IOC automata
    // (the keyword needles every field value is scanned for) stay fully dense.
    private const int DenseBudget = 1 << 22;

    // A transition's target: a dense row offset, or this flag with the id of a sparse state; complemented (~) when
    // the target reports needles. One test of the two top bits sends the scan off its fast path.
    private const int SparseFlag = 1 << 30;


    // A deeper state with this many children also gets a dense row (a sparse lookup would scan them all).
    private const int DenseChildren = 4;

    private readonly FoldedAlphabet _alphabet;
    private readonly int _classes;

    private readonly int[] _rowOf;
    private readonly int[] _dense;
    private readonly int[] _fail;
    private readonly int[] _childStart;
    private readonly int[] _childClass;
    private readonly int[] _childTarget;
    private readonly int[][] _outputs;
    private readonly int[] _stateOfRow;
    private readonly bool _fullyDense;

    /// <param name="needles">Lower-case needles.</param>
    /// <param name="ids">The id reported for each needle.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public LiteralAutomaton(IReadOnlyList<string> needles, IReadOnlyList<int> ids)
    {
        _alphabet = new FoldedAlphabet(needles);
        var classes = _alphabet.Count;
        _classes = classes;

        // Trie as first-child/next-sibling lists; state 0 is the root.
        var capacity = 1;
        foreach (var needle in needles)
        {
            capacity += needle.Length;
        }

        var firstChild = new int[capacity];
        var nextSibling = new int[capacity];
        var label = new int[capacity];
        var childCount = new int[capacity];
        var own = new Dictionary<int, List<int>>();
        var trieStates = 1;
        for (var n = 0; n < needles.Count; n++)
        {
            var state = 0;
            foreach (var c in needles[n])
            {
                var cls = _alphabet.ClassOf(c);
                var child = firstChild[state];
                while (child != 0 && label[child] != cls)
                {
                    child = nextSibling[child];
                }

                if (child == 0)
                {
                    child = trieStates++;
                    label[child] = cls;
                    nextSibling[child] = firstChild[state];
                    firstChild[state] = child;
                    childCount[state]++;
                }

                state = child;
            }

            if (!own.TryGetValue(state, out var list))
            {
                own[state] = list = [];
            }

            list.Add(ids[n]);
        }

        // Renumber breadth-first, so a failure target (always shallower) has a smaller id than its state.
        var states = trieStates;
        var order = new int[states];
        var depth = new int[states];
        var tail = 1;
        for (var head = 0; head < tail; head++)
        {
            for (var child = firstChild[order[head]]; child != 0; child = nextSibling[child])
            {
                depth[tail] = depth[head] + 1;
                order[tail++] = child;
            }
        }

        var idOf = new int[states];
        for (var i = 0; i < states; i++)
        {
            idOf[order[i]] = i;
        }

        // Whole levels get dense rows while the table stays within budget (ids grow level by level).
        var denseDepth = (long)states * classes <= DenseBudget ? int.MaxValue : 0;
        for (var id = 1; id < states && denseDepth != int.MaxValue; id++)
        {
            if (depth[id] != depth[id - 1] && (long)id * classes <= DenseBudget)
            {
                denseDepth = depth[id - 1];
            }
        }

        // Children per state (new ids) in one flat list; dense rows for shallow or branching states.
        var childStart = new int[states + 1];
        var childClass = new int[states - 1];
        var childTarget = new int[states - 1];
        var rowOf = new int[states];
        var rows = 0;
        for (var id = 0; id < states; id++)
        {
            var old = order[id];
            childStart[id + 1] = childStart[id] + childCount[old];
            var k = childStart[id];
            for (var child = firstChild[old]; child != 0; child = nextSibling[child])
            {
                childClass[k] = label[child];
                childTarget[k++] = idOf[child];
            }

            rowOf[id] = depth[id] <= denseDepth || depth[id] <= DenseDepth || childCount[old] >= DenseChildren ? rows++ * classes : -1;
        }

        // Failure links and outputs breadth-first; dense rows complete through the failure state's transitions.
        var fail = new int[states];
        var outputs = new int[states][];
        var dense = new int[rows * classes];
        for (var id = 0; id < states; id++)
        {
            var inherited = id == 0 ? [] : outputs[fail[id]];
            outputs[id] = own.TryGetValue(order[id], out var mine)
                ? (inherited.Length == 0 ? [.. mine] : [.. mine.Union(inherited)])
                : inherited;
            for (var k = childStart[id]; k < childStart[id + 1]; k++)
            {
                fail[childTarget[k]] = id == 0 ? 0 : Goto(fail[id], childClass[k], rowOf, dense, fail, childStart, childClass, childTarget);
            }

            if (rowOf[id] >= 0)
            {
                var row = rowOf[id];
                for (var cls = 0; cls < classes; cls++)
                {
                    dense[row + cls] = id == 0 ? 0 : Goto(fail[id], cls, rowOf, dense, fail, childStart, childClass, childTarget);
                }

                for (var k = childStart[id]; k < childStart[id + 1]; k++)
                {
                    dense[row + childClass[k]] = childTarget[k];
                }
            }
        }

        for (var i = 0; i < dense.Length; i++)
        {
            dense[i] = Encode(dense[i], rowOf, outputs);
        }

        for (var k = 0; k < childTarget.Length; k++)
        {
            childTarget[k] = Encode(childTarget[k], rowOf, outputs);
        }

        var stateOfRow = new int[rows];
        for (var id = 0; id < states; id++)
        {
            if (rowOf[id] >= 0)
            {
                stateOfRow[rowOf[id] / classes] = id;
            }
        }

        _stateOfRow = stateOfRow;
        _fullyDense = rows == states;

        _rowOf = rowOf;
        _dense = dense;
        _fail = fail;
        _childStart = childStart;
        _childClass = childClass;
        _childTarget = childTarget;
        _outputs = outputs;
    }

    /// <summary>Number of states.</summary>
    public int StateCount => _rowOf.Length;

    /// <summary>Entries in the dense table (rows × alphabet classes).</summary>
    public int DenseEntries => _dense.Length;

    /// <summary>True as soon as any needle occurs in <paramref name="text"/>.</summary>
    public bool ContainsAny(ReadOnlySpan<char> text)
    {
        var alphabet = _alphabet;
        var dense = _dense;
        var target = 0;
        if (_fullyDense)
        {
            foreach (var c in text)
            {
                target = dense[target + alphabet.ClassOf(c)];
                if (target < 0)
                {
                    return true;
                }
            }

            return false;
        }

        foreach (var c in text)
        {
            var cls = alphabet.ClassOf(c);
            target = (target & SparseFlag) == 0 ? dense[target + cls] : SparseStep(target & ~SparseFlag, cls);
            if (target < 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reports to <paramref name="scratch"/> every needle occurring in <paramref name="text"/>.</summary>
    public void Scan(ReadOnlySpan<char> text, PrefilterScratch scratch)
    {
        // Two loops: the fully dense one is the prefilter's hot path (one dependent load per character; measured
        // 30% slower with the sparse test in it), the other serves the few automata too big to be dense.
        var alphabet = _alphabet;
        var dense = _dense;
        var target = 0;
        if (_fullyDense)
        {
            foreach (var c in text)
            {
                target = dense[target + alphabet.ClassOf(c)];
                if (target < 0)
                {
                    target = ~target;
                    Report(target, scratch);
                }
            }

            return;
        }

        foreach (var c in text)
        {
            var cls = alphabet.ClassOf(c);
            target = (target & SparseFlag) == 0 ? dense[target + cls] : SparseStep(target & ~SparseFlag, cls);
            if (target < 0)
            {
                target = ~target;
                Report(target, scratch);
            }
        }
    }

    private void Report(int target, PrefilterScratch scratch)
    {
        var state = (target & SparseFlag) != 0 ? target & ~SparseFlag : _stateOfRow[target / _classes];
        foreach (var id in _outputs[state])
        {
            scratch.See(id);
        }
    }

    /// <summary>The (encoded) target after reading class <paramref name="cls"/> in sparse state <paramref name="state"/>.</summary>
    private int SparseStep(int state, int cls)
    {
        while (true)
        {
            var row = _rowOf[state];
            if (row >= 0)
            {
                return _dense[row + cls];
            }

            var end = _childStart[state + 1];
            for (var k = _childStart[state]; k < end; k++)
            {
                if (_childClass[k] == cls)
                {
                    return _childTarget[k];
                }
            }

            state = _fail[state];
        }
    }

    /// <summary>During construction: the (plain) state reached from <paramref name="state"/> on <paramref name="cls"/>.</summary>
    private static int Goto(int state, int cls, int[] rowOf, int[] dense, int[] fail, int[] childStart, int[] childClass, int[] childTarget)
    {
        while (true)
        {
            // A dense row is complete once its state is processed, and failure targets are processed first.
            if (rowOf[state] >= 0)
            {
                return dense[rowOf[state] + cls];
            }

            for (var k = childStart[state]; k < childStart[state + 1]; k++)
            {
                if (childClass[k] == cls)
                {
                    return childTarget[k];
                }
            }

            state = fail[state];
        }
    }

    private static int Encode(int state, int[] rowOf, int[][] outputs)
    {
        var target = rowOf[state] >= 0 ? rowOf[state] : SparseFlag | state;
        return outputs[state].Length > 0 ? ~target : target;
    }
}
