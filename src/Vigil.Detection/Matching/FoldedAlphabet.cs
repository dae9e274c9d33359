using System.Runtime.CompilerServices;

namespace Vigil.Detection.Matching;

/// <summary>
/// The reduced alphabet of an automaton: one class per distinct upper-case form of a needle character, shared by
/// every character whose upper-case form it is. That is exactly OrdinalIgnoreCase's per-char folding, so 'ſ'
/// (U+017F, upper-cases to 'S') finds the needle "s" just as <c>string.Contains(…, OrdinalIgnoreCase)</c> does.
/// Latin-1 classes sit in a 256-entry table (rule packs compile thousands of automata; a full 64K table each cost
/// 128 KiB), the rest in a dictionary that most alphabets never need.
/// </summary>
internal sealed class FoldedAlphabet
{
    private static readonly Lazy<Dictionary<char, char[]>> OtherPreimages = new(BuildOtherPreimages);

    private readonly ushort[] _low = new ushort[256];
    private readonly Dictionary<char, ushort>? _high;

    public FoldedAlphabet(IEnumerable<string> needles)
    {
        var classOfUpper = new Dictionary<char, ushort>();
        Dictionary<char, ushort>? high = null;
        var others = OtherPreimages.Value;
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
                Assign(upper, cls, ref high);
                if (others.TryGetValue(upper, out var members))
                {
                    foreach (var member in members)
                    {
                        Assign(member, cls, ref high);
                    }
                }
            }
        }

        Count = classOfUpper.Count + 1;
        _high = high;
    }

    /// <summary>Classes including class 0, "no needle has this character".</summary>
    public int Count { get; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int ClassOf(char c) => c < 256 ? _low[c] : HighClassOf(c);

    private int HighClassOf(char c) => _high is not null && _high.TryGetValue(c, out var cls) ? cls : 0;

    private void Assign(char member, ushort cls, ref Dictionary<char, ushort>? high)
    {
        if (member < 256)
        {
            _low[member] = cls;
        }
        else
        {
            (high ??= [])[member] = cls;
        }
    }

    /// <summary>
    /// For every upper-case form, the other characters that upper-case to it. Built once; only ~1,400 characters
    /// have another form, and a table of all 65,536 (with an array each) cost more than the rest of a pack's alphabets.
    /// </summary>
    private static Dictionary<char, char[]> BuildOtherPreimages()
    {
        var lists = new Dictionary<char, List<char>>();
        for (var i = 0; i <= char.MaxValue; i++)
        {
            var c = (char)i;
            var upper = char.ToUpperInvariant(c);
            if (upper == c)
            {
                continue;
            }

            if (!lists.TryGetValue(upper, out var list))
            {
                lists[upper] = list = [];
            }

            list.Add(c);
        }

        return lists.ToDictionary(p => p.Key, p => p.Value.ToArray());
    }
}
