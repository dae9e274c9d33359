using Vigil.Domain.Actions;

namespace Vigil.Domain.Tests.Actions;

public sealed class ActionCatalogueTests
{
    private static ActionDefinition Def(string type, BlastRadius radius, AutomationLevel level, string? rollback = null, bool irreversible = false) => new()
    {
        Type = type,
        Title = type,
        Connector = "test",
        BlastRadius = radius,
        Level = level,
        Rollback = rollback,
        Irreversible = irreversible,
    };

    [Fact]
    public void Create_SafeCatalogue_HasNoProblems()
    {
        var catalogue = ActionCatalogue.Create(
        [
            Def("case.summarise", BlastRadius.None, AutomationLevel.Automatic),
            Def("ticket.create", BlastRadius.Low, AutomationLevel.Automatic),
            Def("host.isolate", BlastRadius.Medium, AutomationLevel.HumanApproval, rollback: "host.release"),
            Def("host.release", BlastRadius.Medium, AutomationLevel.HumanApproval, rollback: "host.isolate"),
            Def("token.revoke", BlastRadius.Medium, AutomationLevel.HumanApproval, irreversible: true),
            Def("aws.key.deactivate", BlastRadius.Critical, AutomationLevel.TwoPersonApproval, rollback: "aws.key.reactivate"),
            Def("aws.key.reactivate", BlastRadius.Critical, AutomationLevel.TwoPersonApproval, rollback: "aws.key.deactivate"),
        ], out var problems);

        Assert.Empty(problems);
        Assert.Equal(7, catalogue.Actions.Count);
        Assert.True(catalogue.TryGet("host.isolate", out var isolate));
        Assert.Equal(1, isolate.RequiredApprovals);
    }

    [Theory]
    [InlineData("irreversible actions can never be automatic")]
    public void Create_IrreversibleAutomatic_IsRefused(string expected)
    {
        ActionCatalogue.Create([Def("token.revoke", BlastRadius.Medium, AutomationLevel.Automatic, irreversible: true)], out var problems);

        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Create_DisruptiveAutomaticWithoutRollback_IsRefused()
    {
        ActionCatalogue.Create([Def("account.disable", BlastRadius.Medium, AutomationLevel.Automatic)], out var problems);

        Assert.Contains(problems, p => p.Contains("without a rollback can never be automatic", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("must name its rollback or be declared irreversible", StringComparison.Ordinal));
    }

    [Fact]
    public void Create_CriticalWithSingleApproval_AndHighAutomatic_AreRefused()
    {
        ActionCatalogue.Create(
        [
            Def("cloud.contain", BlastRadius.Critical, AutomationLevel.HumanApproval, rollback: "cloud.release"),
            Def("cloud.release", BlastRadius.Critical, AutomationLevel.TwoPersonApproval, rollback: "cloud.contain"),
            Def("service.stop", BlastRadius.High, AutomationLevel.Automatic, rollback: "service.start"),
            Def("service.start", BlastRadius.High, AutomationLevel.HumanApproval, rollback: "service.stop"),
        ], out var problems);

        Assert.Contains(problems, p => p.StartsWith("cloud.contain: critical blast radius needs two-person approval", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("service.stop: blast radius High needs at least one human approval", StringComparison.Ordinal));
    }

    [Fact]
    public void Create_UnknownRollbackOrDuplicate_IsRefused()
    {
        ActionCatalogue.Create(
        [
            Def("host.isolate", BlastRadius.Medium, AutomationLevel.HumanApproval, rollback: "host.unisolate"),
            Def("host.isolate", BlastRadius.Medium, AutomationLevel.HumanApproval, rollback: "host.unisolate"),
        ], out var problems);

        Assert.Contains("host.isolate: defined twice", problems);
        Assert.Contains("host.isolate: rollback host.unisolate is not in the catalogue", problems);
    }
}
