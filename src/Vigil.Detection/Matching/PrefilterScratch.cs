namespace Vigil.Detection.Matching;

/// <summary>
/// Per-thread working memory of the prefilter: which needles were seen and which rules passed in the
/// current event, with touched lists so resetting costs what was set, not the size of the rule set.
/// </summary>
internal sealed class PrefilterScratch(int needles, int rules)
{
    private readonly bool[] _needleSeen = new bool[needles];
    private readonly int[] _seen = new int[needles];
    private readonly int[] _passed = new int[rules];
    private int _seenCount;
    private int _passedCount;

    public bool[] RulePassed { get; } = new bool[rules];

    public void See(int needle)
    {
        if (!_needleSeen[needle])
        {
            _needleSeen[needle] = true;
            _seen[_seenCount++] = needle;
        }
    }

    public void PassRulesOfSeenNeedles(int[][] rulesOfNeedle)
    {
        for (var i = 0; i < _seenCount; i++)
        {
            foreach (var rule in rulesOfNeedle[_seen[i]])
            {
                if (!RulePassed[rule])
                {
                    RulePassed[rule] = true;
                    _passed[_passedCount++] = rule;
                }
            }
        }
    }

    public void Reset()
    {
        for (var i = 0; i < _seenCount; i++)
        {
            _needleSeen[_seen[i]] = false;
        }

        for (var i = 0; i < _passedCount; i++)
        {
            RulePassed[_passed[i]] = false;
        }

        _seenCount = 0;
        _passedCount = 0;
    }
}
