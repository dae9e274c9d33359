namespace Vigil.Pipeline.Respond.Connectors;

/// <summary>One action for a connector to carry out, with its exact, approved parameters.</summary>
public sealed record ConnectorCall
{
    /// <summary>The action request this call belongs to (<c>act_…</c>).</summary>
    public required string RequestId { get; init; }

    public required string CaseId { get; init; }

    /// <summary>Catalogue action type, e.g. <c>host.isolate</c>.</summary>
    public required string ActionType { get; init; }

    public required IReadOnlyDictionary<string, string> Parameters { get; init; }

    /// <summary>The same on every retry of the same approved action, so a retry after a crash never acts twice.</summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>Dry run: no side effects; the result describes the request that would have been sent.</summary>
    public bool Simulate { get; init; }

    /// <summary>
    /// For a rollback call, the <see cref="ConnectorResult.RollbackToken"/> the original action returned (a vendor
    /// object id, a previous state) so the undo is exact.
    /// </summary>
    public string? RollbackToken { get; init; }
}
