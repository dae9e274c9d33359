using Vigil.Detection.Attack;

namespace Vigil.Detection.Tests.Attack;

public sealed class AttackCatalogTests
{
    private static readonly AttackCatalog Catalog = AttackCatalog.Enterprise;

    [Fact]
    public void FindTechnique_SubTechnique_KnowsParentAndTactic()
    {
        var lsass = Catalog.FindTechnique("T1003.001");

        Assert.NotNull(lsass);
        Assert.Equal("LSASS Memory", lsass.Name);
        Assert.True(lsass.IsSubtechnique);
        Assert.Equal("OS Credential Dumping", Catalog.ParentOf(lsass)?.Name);
        Assert.Equal("TA0006", Assert.Single(lsass.Tactics).Id);
    }

    [Fact]
    public void FindTechnique_LowerCaseAndPadded_FindsSameTechnique()
    {
        Assert.Same(Catalog.FindTechnique("T1059.001"), Catalog.FindTechnique(" t1059.001 "));
    }

    [Fact]
    public void FindTechnique_UnknownId_ReturnsNull()
    {
        Assert.Null(Catalog.FindTechnique("T1685"));
    }

    [Fact]
    public void SubtechniquesOf_CredentialDumping_ListsThemInIdOrder()
    {
        var ids = Catalog.SubtechniquesOf("T1003").Select(t => t.Id).ToList();

        Assert.Equal(8, ids.Count);
        Assert.Equal("T1003.001", ids[0]);
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
    }

    [Theory]
    [InlineData("TA0006")]
    [InlineData("credential-access")]
    [InlineData("credential_access")]
    [InlineData("Credential-Access")]
    public void FindTactic_IdOrShortName_FindsCredentialAccess(string key)
    {
        var tactic = Catalog.FindTactic(key);

        Assert.NotNull(tactic);
        Assert.Equal("TA0006", tactic.Id);
        Assert.Equal("Credential Access", tactic.Name);
    }

    [Fact]
    public void Tactics_Enterprise_AreInKillChainOrder()
    {
        string[] expected =
        [
            "reconnaissance", "resource-development", "initial-access", "execution", "persistence",
            "privilege-escalation", "defense-evasion", "credential-access", "discovery", "lateral-movement",
            "collection", "command-and-control", "exfiltration", "impact",
        ];

        Assert.Equal(expected, Catalog.Tactics.Select(t => t.ShortName));
        Assert.Equal(Enumerable.Range(0, 14), Catalog.Tactics.Select(t => t.KillChainOrder));
    }

    [Fact]
    public void FindTechnique_MultiTacticTechnique_ListsTacticsInKillChainOrder()
    {
        // The CSV lists T1078's tactics as defense-evasion;persistence;privilege-escalation;initial-access.
        var validAccounts = Catalog.FindTechnique("T1078");

        Assert.NotNull(validAccounts);
        Assert.Equal(
            ["initial-access", "persistence", "privilege-escalation", "defense-evasion"],
            validAccounts.Tactics.Select(t => t.ShortName));
    }

    [Fact]
    public void Techniques_V18_1_MatchProvenanceCounts()
    {
        // PROVENANCE.txt: 216 active techniques + 475 active sub-techniques; 144 revoked or deprecated.
        var all = Catalog.Techniques.ToList();

        Assert.Equal(216, all.Count(t => t.IsActive && !t.IsSubtechnique));
        Assert.Equal(475, all.Count(t => t.IsActive && t.IsSubtechnique));
        Assert.Equal(144, all.Count(t => !t.IsActive));
    }

    [Fact]
    public void FindTechnique_RevokedTechnique_IsKeptAndFlagged()
    {
        var dataCompressed = Catalog.FindTechnique("T1002");

        Assert.NotNull(dataCompressed);
        Assert.True(dataCompressed.Revoked);
        Assert.False(dataCompressed.IsActive);
    }

    [Fact]
    public void OrderByKillChain_MixedTechniques_SortsByEarliestTacticThenUnknownLast()
    {
        string[] techniques = ["T9999", "T1486", "T1003.001", "T1078", "T1566"];

        var ordered = Catalog.OrderByKillChain(techniques);

        // T1078 and T1566 are both initial-access; the id breaks the tie.
        Assert.Equal(["T1078", "T1566", "T1003.001", "T1486", "T9999"], ordered);
    }

    [Fact]
    public void OrderByKillChain_Items_KeepsItemsAttachedToTheirTechnique()
    {
        (string Technique, int Event)[] hits = [("T1486", 1), ("T1059.001", 2)];

        var ordered = Catalog.OrderByKillChain(hits, h => h.Technique);

        Assert.Equal([2, 1], ordered.Select(h => h.Event));
    }
}
