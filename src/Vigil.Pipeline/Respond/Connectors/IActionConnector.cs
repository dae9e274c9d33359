namespace Vigil.Pipeline.Respond.Connectors;

/// <summary>
/// Carries out catalogued actions against one vendor (Okta, CrowdStrike, Jira, …). The executor hands it only calls
/// built from an <see cref="Vigil.Domain.Actions.ApprovedAction"/>; a connector never decides policy.
/// </summary>
public interface IActionConnector
{
    /// <summary>The connector name the action catalogue refers to (e.g. <c>crowdstrike</c>, <c>okta</c>, <c>jira</c>).</summary>
    string Name { get; }

    /// <summary>The catalogue action types this connector can carry out (e.g. <c>host.isolate</c>, <c>host.release</c>).</summary>
    IReadOnlyList<string> ActionTypes { get; }

    /// <summary>
    /// Runs one call. Vendor-side idempotency uses <see cref="ConnectorCall.IdempotencyKey"/> where the vendor
    /// supports it; a call with <see cref="ConnectorCall.Simulate"/> set makes no change anywhere and says what it
    /// would have done. Expected failures are results, not exceptions.
    /// </summary>
    Task<ConnectorResult> ExecuteAsync(ConnectorCall call, CancellationToken cancellationToken);
}
