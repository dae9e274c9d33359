using System.Collections.Frozen;
using System.Runtime.CompilerServices;

namespace Vigil.Detection.Matching;

/// <summary>
/// The reduced alphabet of an automaton: one class per distinct upper-case form of a needle character, shared by
/// every character whose upper-case form it is. That is exactly OrdinalIgnoreCase's per-char folding, so 'ſ'
/// (U+017F, upper-cases to 'S') finds the needle "s" just as <c>string.Contains(…, OrdinalIgnoreCase)</c> does.
/// Latin-1 classes sit in a 256-entry table (rule packs compile thousands of automata; a full 64K table each cost
/// 128 KiB), the rest in a frozen dictionary.
/// </summary>
internal sealed class FoldedAlphabet
{
    private static readonly Lazy<FrozenDictionary<char, char[]>> Preimages = new(BuildPreimages);

    private readonly ushort[] _low = new ushort[256];
    private readonly FrozenDictionary<char, ushort> _high;

    public FoldedAlphabet(IEnumerable<string> needles)
    {
        var classOfUpper = new Dictionary<char, ushort>();
        var high = new Dictionary<char, ushort>();
        foreach (var needle in needles)
        {
            foreach (var c in needle)
            {
                var upper = char.ToUpperInvariant(c);
                if (classOfUpper.ContainsKey(upper))
                {
                    continue;
                }

                var cls = (ushort)(classOfUpper.Count + 1);
                classOfUpper[upper] = cls;
                foreach (var member in Preimages.Value.TryGetValue(upper, out var members) ? members : [upper])
                {
                    if (member < 256)
                    {
                        _low[member] = cls;
                    }
                    else
                    {
                        high[member] = cls;
                    }
                }
            }
        }

        Count = classOfUpper.Count + 1;
        _high = high.ToFrozenDictionary();
    }

    /// <summary>Classes including class 0, "no needle has this character".</summary>
    public int Count { get; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int ClassOf(char c) => c < 256 ? _low[c] : HighClassOf(c);

    private int HighClassOf(char c) => _high.Count != 0 && _high.TryGetValue(c, out var cls) ? cls : 0;

    /// <summary>For every upper-case form, the characters (itself included) that upper-case to it.</summary>
    private static FrozenDictionary<char, char[]> BuildPreimages()
    {
        var lists = new Dictionary<char, List<char>>();
        for (var i = 0; i <= char.MaxValue; i++)
        {
            var c = (char)i;
            var upper = char.ToUpperInvariant(c);
            if (!lists.TryGetValue(upper, out var list))
            {
                lists[upper] = list = [];
            }

            list.Add(c);
        }

        return lists.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray());
    }
}
