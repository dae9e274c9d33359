using Vigil.Domain.Actions;
using Vigil.Pipeline.Respond;

namespace Vigil.Pipeline.Tests.Respond;

public sealed class ActionCatalogueLoaderTests
{
    [Theory]
    [InlineData("case.enrich", AutomationLevel.Automatic)]
    [InlineData("case.summarise", AutomationLevel.Automatic)]
    [InlineData("ticket.create", AutomationLevel.Automatic)]
    [InlineData("evidence.snapshot", AutomationLevel.Automatic)]
    [InlineData("notify.send", AutomationLevel.Automatic)]
    [InlineData("token.revoke", AutomationLevel.HumanApproval)]
    [InlineData("host.isolate", AutomationLevel.HumanApproval)]
    [InlineData("account.disable", AutomationLevel.HumanApproval)]
    [InlineData("indicator.block", AutomationLevel.HumanApproval)]
    [InlineData("cloud.key.deactivate", AutomationLevel.TwoPersonApproval)]
    public void LoadDefault_ShipsThePolicyTable(string type, AutomationLevel level)
    {
        var catalogue = ActionCatalogueLoader.LoadDefault();

        Assert.True(catalogue.TryGet(type, out var definition));
        Assert.Equal(level, definition.Level);
    }

    [Fact]
    public void LoadDefault_EveryDisruptiveActionHasARollbackOrIsIrreversible()
    {
        foreach (var action in ActionCatalogueLoader.LoadDefault().Actions.Where(a => a.BlastRadius >= BlastRadius.Medium))
        {
            Assert.True(action.Irreversible || action.Rollback is not null, action.Type);
            Assert.NotEqual(AutomationLevel.Automatic, action.Level);
        }
    }

    [Fact]
    public void LoadDefault_CloudContainment_NeedsStepUpAndTwoPeople()
    {
        Assert.True(ActionCatalogueLoader.LoadDefault().TryGet("cloud.key.deactivate", out var action));

        Assert.Equal(2, action.RequiredApprovals);
        Assert.True(action.RequiresStepUp);
        Assert.Equal(TimeSpan.FromHours(2), action.ApprovalWindow);
    }

    [Fact]
    public void Load_AutomaticIrreversibleAction_IsRefusedWhole()
    {
        const string yaml = """
            actions:
              - type: token.revoke
                title: Revoke
                connector: okta
                blast_radius: medium
                level: automatic
                irreversible: true
            """;

        var error = Assert.Throws<PolicyLoadException>(() => ActionCatalogueLoader.Load("custom.yaml", yaml));

        Assert.Contains(error.Problems, p => p.Contains("custom.yaml: token.revoke: irreversible actions can never be automatic", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("    level: sometimes\n", "custom.yaml:6: 'level' unknown value 'sometimes'")]
    [InlineData("    level: automatic\n    colour: red\n", "custom.yaml:7: unknown field 'colour'")]
    [InlineData("    level: automatic\n    approval_window: soon\n", "custom.yaml:7: 'approval_window' expected a duration")]
    [InlineData("    level: automatic\n    inputs: host\n", "custom.yaml:7: 'inputs' must be a list")]
    public void Load_BadField_NamesFileAndLine(string tail, string expected)
    {
        var yaml = "actions:\n  - type: ticket.create\n    title: Ticket\n    connector: jira\n    blast_radius: low\n" + tail;

        var error = Assert.Throws<PolicyLoadException>(() => ActionCatalogueLoader.Load("custom.yaml", yaml));

        Assert.Contains(error.Problems, p => p.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Load_MissingRequiredField_AndBrokenYaml_AreReported()
    {
        var missing = Assert.Throws<PolicyLoadException>(() => ActionCatalogueLoader.Load("p.yaml", "actions:\n  - title: x\n    connector: y\n    blast_radius: none\n    level: automatic\n"));
        Assert.Contains(missing.Problems, p => p.Contains("'type' is required", StringComparison.Ordinal));

        var broken = Assert.Throws<PolicyLoadException>(() => ActionCatalogueLoader.Load("p.yaml", "actions: [\n"));
        Assert.StartsWith("p.yaml:", broken.Problems[0], StringComparison.Ordinal);
    }
}
