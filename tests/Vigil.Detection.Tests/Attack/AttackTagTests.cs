using CsCheck;
using Vigil.Detection.Attack;

namespace Vigil.Detection.Tests.Attack;

public sealed class AttackTagTests
{
    private static readonly AttackCatalog Catalog = AttackCatalog.Enterprise;

    [Fact]
    public void ResolveTag_SubTechnique_ResolvesToCatalogueTechnique()
    {
        var tag = Catalog.ResolveTag("attack.t1059.001");

        Assert.NotNull(tag);
        Assert.Equal(AttackTagKind.Technique, tag.Kind);
        Assert.Equal("T1059.001", tag.Id);
        Assert.Equal("PowerShell", tag.Technique?.Name);
        Assert.True(tag.IsKnown);
    }

    [Theory]
    [InlineData("attack.execution", "TA0002")]
    [InlineData("attack.credential_access", "TA0006")]
    [InlineData("attack.ta0006", "TA0006")]
    [InlineData("ATTACK.Command-And-Control", "TA0011")]
    public void ResolveTag_Tactic_ResolvesToTacticId(string raw, string tacticId)
    {
        var tag = Catalog.ResolveTag(raw);

        Assert.NotNull(tag);
        Assert.Equal(AttackTagKind.Tactic, tag.Kind);
        Assert.Equal(tacticId, tag.Id);
        Assert.Equal(tacticId, tag.Tactic?.Id);
    }

    [Theory]
    [InlineData("attack.g0007", AttackTagKind.Group, "G0007")]
    [InlineData("attack.s0002", AttackTagKind.Software, "S0002")]
    [InlineData("attack.ds0005", AttackTagKind.DataSource, "DS0005")]
    [InlineData("attack.m1042", AttackTagKind.Mitigation, "M1042")]
    public void ResolveTag_GroupSoftwareAndOthers_RecognisedByShape(string raw, AttackTagKind kind, string id)
    {
        var tag = Catalog.ResolveTag(raw);

        Assert.NotNull(tag);
        Assert.Equal(kind, tag.Kind);
        Assert.Equal(id, tag.Id);
        Assert.True(tag.IsKnown);
    }

    [Theory]
    [InlineData("cve.2021-44228")]
    [InlineData("detection.threat-hunting")]
    [InlineData("car.2016-04-005")]
    public void ResolveTag_OtherNamespace_ReturnsNull(string raw)
    {
        Assert.Null(Catalog.ResolveTag(raw));
    }

    [Fact]
    public void ResolveTag_V19Technique_IsUnknownWithV18Hint()
    {
        var tag = Catalog.ResolveTag("attack.t1685");

        Assert.NotNull(tag);
        Assert.Equal(AttackTagKind.Technique, tag.Kind);
        Assert.False(tag.IsKnown);
        Assert.Null(tag.Technique);
        // 131 SigmaHQ rule files swapped t1562.001 for t1685, the most of any pair.
        Assert.Equal("attack.t1562.001", tag.V18Hints[0]);
        Assert.Contains("attack.t1562", tag.V18Hints);
    }

    [Fact]
    public void ResolveTag_V19Tactic_IsUnknownTacticWithHint()
    {
        var tag = Catalog.ResolveTag("attack.stealth");

        Assert.NotNull(tag);
        Assert.Equal(AttackTagKind.Tactic, tag.Kind);
        Assert.False(tag.IsKnown);
        Assert.Equal(["attack.defense-evasion"], tag.V18Hints);
    }

    [Fact]
    public void ResolveTag_UnknownWithoutRewrite_HasNoHints()
    {
        var tag = Catalog.ResolveTag("attack.t1686.002");

        Assert.NotNull(tag);
        Assert.False(tag.IsKnown);
        Assert.Empty(tag.V18Hints);
    }

    [Theory]
    [InlineData("attack.")]
    [InlineData("attack.t10")]
    [InlineData("attack.g0007.001")]
    [InlineData("attack.t1059.001.002")]
    [InlineData("attack.!!")]
    public void ResolveTag_Malformed_IsUnrecognisedNotAnError(string raw)
    {
        var tag = Catalog.ResolveTag(raw);

        Assert.NotNull(tag);
        Assert.Equal(AttackTagKind.Unrecognised, tag.Kind);
        Assert.False(tag.IsKnown);
    }

    [Fact]
    public void ResolveTag_ArbitraryAttackSuffix_NeverThrowsAndKnownImpliesCatalogueEntry()
    {
        Gen.String.Sample(suffix =>
        {
            var tag = Catalog.ResolveTag("attack." + suffix);
            return tag is not null
                && (!tag.IsKnown || tag.Kind != AttackTagKind.Technique || tag.Technique is not null)
                && (!tag.IsKnown || tag.Kind != AttackTagKind.Tactic || tag.Tactic is not null);
        });
    }

    [Fact]
    public void ResolveTags_MixedNamespaces_KeepsAttackTagsInOrder()
    {
        var tags = Catalog.ResolveTags(["attack.execution", "cve.2024-1", "attack.t1059.001", "attack.t1685"]);

        Assert.Equal(["attack.execution", "attack.t1059.001", "attack.t1685"], tags.Select(t => t.Tag));
        Assert.Equal([true, true, false], tags.Select(t => t.IsKnown));
    }
}
