using Vigil.Connectors.Tests.Support;
using Vigil.Pipeline.Respond;
using Vigil.Pipeline.Respond.Connectors;

namespace Vigil.Connectors.Tests;

public sealed class ConnectorRegistrationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AddVigilConnectors_RegistersEveryConnectorOnceByName()
    {
        await using var harness = await ConnectorHarness.StartAsync(new Dictionary<string, string?>());

        var names = harness.Get<IEnumerable<IActionConnector>>().Select(c => c.Name).ToArray();

        Assert.Equal(["aws", "blocklist", "cloudflare", "crowdstrike", "defender", "graph", "jira", "okta", "pagerduty", "servicenow", "slack", "smtp", "teams"], names.Order(StringComparer.Ordinal));
        Assert.Equal(["jira", "servicenow"], harness.Get<IEnumerable<ITicketStatusReader>>().Select(r => r.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task EveryActionType_IsInTheShippedCatalogue()
    {
        await using var harness = await ConnectorHarness.StartAsync(new Dictionary<string, string?>());
        var catalogue = ActionCatalogueLoader.LoadDefault();

        foreach (var connector in harness.Get<IEnumerable<IActionConnector>>())
        {
            Assert.All(connector.ActionTypes, type => Assert.True(catalogue.Contains(type), $"{connector.Name}: {type} is not in content/policy/actions.yaml"));
        }
    }

    [Fact]
    public async Task Execute_ActionTypeItDoesNotDo_FailsWithoutSending()
    {
        await using var harness = await ConnectorHarness.StartAsync(new Dictionary<string, string?>());

        var result = await harness.Connector("okta").ExecuteAsync(Calls.For("host.isolate", ("host", "x")), Ct);

        Assert.Equal((ConnectorOutcome.Failed, "connector okta does not carry out host.isolate (it does account.disable, account.enable, token.revoke)"), (result.Outcome, result.Summary));
    }

    [Fact]
    public async Task Directory_ListsHealthAndSecretNamesNeverValues()
    {
        await using var harness = await ConnectorHarness.StartAsync(new Dictionary<string, string?> { ["Vigil:Connectors:jira:BaseUrl"] = "https://acme.atlassian.net" });
        await harness.Secrets.SetAsync("jira", "api_token", "ATATT-directory-secret", ConnectorHarness.Operator, Ct);

        var views = await harness.Get<ConnectorDirectory>().ListAsync(Ct);

        var jira = Assert.Single(views, v => v.Name == "jira");
        Assert.Equal("https://acme.atlassian.net/", jira.BaseUrl);
        Assert.Equal(["api_token"], jira.SecretsSet);
        Assert.Equal(["ticket.create", "ticket.update"], jira.ActionTypes);
        Assert.DoesNotContain("ATATT-directory-secret", System.Text.Json.JsonSerializer.Serialize(views), StringComparison.Ordinal);
    }
}
