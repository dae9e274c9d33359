namespace Vigil.Tests.Cli;

public abstract partial class CliJourney
{
    [Fact]
    public async Task Can_list_connectors_and_simulate_an_action_without_sending_or_changing_anything()
    {
        var engine = await OpenEngineAsync();

        var list = await RunAsync(engine, "connectors", "list");
        var simulated = await RunAsync(engine, "connectors", "test", "blocklist", "indicator.block", "-p", "indicator=203.0.113.7", "-p", "duration=4h");
        var unknown = await RunAsync(engine, "connectors", "test", "nope", "host.isolate");
        var badParam = await RunAsync(engine, "connectors", "test", "okta", "account.disable", "-p", "user");

        Assert.Equal(0, list.Code);
        Assert.Contains("crowdstrike  host.isolate,host.release", list.Out, StringComparison.Ordinal);
        Assert.Contains("jira         ticket.create,ticket.update", list.Out, StringComparison.Ordinal);
        Assert.Equal(0, simulated.Code);
        Assert.Contains("\"summary\":\"simulated, nothing changed: would add ip 203.0.113.7 to the blocklist feed until ", simulated.Out, StringComparison.Ordinal);
        Assert.Equal((2, "error: no connector named nope"), (unknown.Code, unknown.Err.Trim()));
        Assert.Equal((2, "error: --param 'user' is not key=value"), (badParam.Code, badParam.Err.Trim()));
    }
}
