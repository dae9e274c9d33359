using Vigil.Pipeline.Respond.Connectors;

namespace Vigil.Connectors.Tests.Support;

public static class Calls
{
    public static ConnectorCall For(string actionType, params (string Key, string Value)[] parameters) => new()
    {
        RequestId = "act_1",
        CaseId = "case_1",
        ActionType = actionType,
        Parameters = parameters.ToDictionary(p => p.Key, p => p.Value),
        IdempotencyKey = "act_1/attempt-key",
    };
}
