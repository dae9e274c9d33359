namespace Vigil.Api.Contracts;

/// <summary>The batch envelope: <c>{"alerts": [...]}</c>. A bare JSON array is accepted too.</summary>
internal sealed record AlertBatchInput(IReadOnlyList<AlertInput> Alerts);
