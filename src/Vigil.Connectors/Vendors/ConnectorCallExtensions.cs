using Vigil.Pipeline.Respond.Connectors;

namespace Vigil.Connectors.Vendors;

internal static class ConnectorCallExtensions
{
    public static string Require(this ConnectorCall call, string parameter) =>
        call.Parameters.TryGetValue(parameter, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value.Trim()
            : throw new ConnectorInputException($"{call.ActionType} needs the parameter '{parameter}'");

    public static string? Optional(this ConnectorCall call, string parameter) =>
        call.Parameters.TryGetValue(parameter, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>What Vigil says about itself in vendor-side comments and notes: the request and case it acts for.</summary>
    public static string Attribution(this ConnectorCall call) => $"Vigil {call.RequestId} (case {call.CaseId})";
}
