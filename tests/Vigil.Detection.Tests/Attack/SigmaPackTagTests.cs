using Vigil.Detection.Attack;

namespace Vigil.Detection.Tests.Attack;

public sealed class SigmaPackTagTests
{
    [Fact]
    public void ResolveTags_EveryAttackTagInR20260401Pack_IsKnown()
    {
        var path = SigmaPackTags.FixturePath("sigmahq_rules_r2026-04-01_attack-v18.tar.gz");
        Assert.SkipUnless(File.Exists(path), $"fixture {path} is not present (set VIGIL_FIXTURES)");

        var resolved = AttackCatalog.Enterprise.ResolveTags(SigmaPackTags.ReadAll(path));

        Assert.True(resolved.Count > 5000, $"expected thousands of attack tags, read {resolved.Count}");
        Assert.Empty(resolved.Where(t => !t.IsKnown).Select(t => t.Tag).Distinct());
        Assert.Contains(resolved, t => t.Kind == AttackTagKind.Group);
        Assert.Contains(resolved, t => t.Kind == AttackTagKind.Software);
    }

    [Fact]
    public void ResolveTags_HeadPackWithV19Tags_ReportsUnknownsWithHints()
    {
        var path = SigmaPackTags.FixturePath("sigmahq_rules_HEAD_8eaafff1.tar.gz");
        Assert.SkipUnless(File.Exists(path), $"fixture {path} is not present (set VIGIL_FIXTURES)");

        var unknown = AttackCatalog.Enterprise.ResolveTags(SigmaPackTags.ReadAll(path))
            .Where(t => !t.IsKnown)
            .DistinctBy(t => t.Tag)
            .ToList();

        Assert.Contains(unknown, t => t.Tag == "attack.stealth");
        Assert.Contains(unknown, t => t.Tag == "attack.t1685");
        Assert.All(unknown, t => Assert.Contains(t.Kind, new[] { AttackTagKind.Technique, AttackTagKind.Tactic }));
        // The rename commit never paired t1686.002 with a v18 tag, so it is the one tag reported without a hint.
        Assert.Equal(["attack.t1686.002"], unknown.Where(t => t.V18Hints.Count == 0).Select(t => t.Tag));
    }
}
