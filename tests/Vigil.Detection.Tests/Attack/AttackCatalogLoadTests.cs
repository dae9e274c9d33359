using Vigil.Detection.Attack;

namespace Vigil.Detection.Tests.Attack;

public sealed class AttackCatalogLoadTests
{
    private const string TechniqueHeader =
        "technique_id,name,is_subtechnique,parent_id,tactics,tactic_ids,platforms,revoked,deprecated,version,modified,stix_id,url";

    private static string Tactics() =>
        "tactic_id,shortname,name\n" + string.Join('\n', AttackCatalog.Enterprise.Tactics.Select(t => $"{t.Id},{t.ShortName},{t.Name}"));

    [Fact]
    public void Load_QuotedFieldWithComma_ReadsWholeName()
    {
        var techniques = TechniqueHeader + "\n" +
            "T0001,\"Name, with comma\",False,,execution,TA0002,Windows,False,False,1.0,x,y,https://attack.mitre.org/techniques/T0001\n";

        var catalog = AttackCatalog.Load(new StringReader(Tactics()), new StringReader(techniques));

        Assert.Equal("Name, with comma", catalog.FindTechnique("T0001")?.Name);
    }

    [Fact]
    public void Load_RowWithMissingField_ErrorNamesFileAndLine()
    {
        var techniques = TechniqueHeader + "\n" +
            "T0001,Fine,False,,execution,TA0002,Windows,False,False,1.0,x,y,https://attack.mitre.org/techniques/T0001\n" +
            "T0002,Short row,False\n";

        var error = Assert.Throws<InvalidDataException>(
            () => AttackCatalog.Load(new StringReader(Tactics()), new StringReader(techniques)));

        Assert.StartsWith("enterprise_techniques_v18.1.csv:3:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TechniqueWithUnknownTactic_ErrorNamesTactic()
    {
        var techniques = TechniqueHeader + "\n" +
            "T0001,Hidden,False,,stealth,TA0012,Windows,False,False,1.0,x,y,https://attack.mitre.org/techniques/T0001\n";

        var error = Assert.Throws<InvalidDataException>(
            () => AttackCatalog.Load(new StringReader(Tactics()), new StringReader(techniques)));

        Assert.Contains("unknown tactic 'stealth'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TacticOutsideKillChain_IsRejected()
    {
        var tactics = Tactics() + "\nTA0099,stealth,Stealth";

        var error = Assert.Throws<InvalidDataException>(
            () => AttackCatalog.Load(new StringReader(tactics), new StringReader(TechniqueHeader)));

        Assert.Contains("enterprise_tactics_v18.1.csv:16", error.Message, StringComparison.Ordinal);
    }
}
