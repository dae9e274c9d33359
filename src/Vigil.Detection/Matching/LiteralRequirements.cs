namespace Vigil.Detection.Matching;

/// <summary>
/// Static analysis for the literal prefilter: a set of needles of which at least one must occur
/// (case-insensitively) in its field whenever the matcher is true; null when no such set is known.
/// </summary>
internal static class LiteralRequirements
{
    // Shorter needles occur in nearly every event and would only cost scanning time.
    private const int MinimumNeedleLength = 3;

    public static List<LiteralNeedle>? Of(Matcher matcher) => matcher switch
    {
        FieldMatcher field => OfValue(field.FieldId, field.Value),
        KeywordMatcher keyword => OfValue(LiteralNeedle.AnyField, keyword.Value),
        AndMatcher and => Best(and.Children.Select(Of)),
        OrMatcher or => Union(or.Children.Select(Of)),
        _ => null,
    };

    private static List<LiteralNeedle>? OfValue(int fieldId, ValueMatcher value) => value switch
    {
        StringValueMatcher { Kind: not StringKind.AnyValue } s => Needle(fieldId, s.Needle),
        ExactSetValueMatcher set => Union(set.Values.Select(v => Needle(fieldId, v))),
        AnyValueMatcher any => Union(any.Matchers.Select(m => OfValue(fieldId, m))),
        GlobValueMatcher glob => Needle(fieldId, glob.LongestLiteral),
        ContainsAnyValueMatcher many => Union(many.Needles.Select(n => Needle(fieldId, n))),
        _ => null,
    };

    private static List<LiteralNeedle>? Needle(int fieldId, string text) =>
        text.Length >= MinimumNeedleLength ? [new LiteralNeedle(fieldId, text.ToLowerInvariant())] : null;

    private static List<LiteralNeedle>? Union(IEnumerable<List<LiteralNeedle>?> parts)
    {
        var union = new List<LiteralNeedle>();
        foreach (var part in parts)
        {
            if (part is null)
            {
                return null;
            }

            union.AddRange(part);
        }

        return union.Count == 0 ? null : union;
    }

    /// <summary>Of AND-ed requirements any one suffices: keep the fewest, longest needles.</summary>
    private static List<LiteralNeedle>? Best(IEnumerable<List<LiteralNeedle>?> parts) =>
        parts.OfType<List<LiteralNeedle>>()
            .OrderBy(p => p.Count)
            .ThenByDescending(p => p.Min(n => n.Needle.Length))
            .FirstOrDefault();
}
