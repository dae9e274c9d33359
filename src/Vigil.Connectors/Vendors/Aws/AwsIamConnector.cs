using System.Text.Json;
using System.Xml.Linq;
using Vigil.Connectors.Http;
using Vigil.Connectors.Secrets;
using Vigil.Pipeline.Respond.Connectors;

namespace Vigil.Connectors.Vendors.Aws;

/// <summary>
/// AWS IAM through its Query API: <c>UpdateAccessKey</c> with <c>Status=Inactive</c> (cloud.key.deactivate) or
/// <c>Active</c> (cloud.key.reactivate), signed with SigV4 for service <c>iam</c>. Deactivating is reversible, unlike
/// deleting, which is why it is the containment. Secrets: <c>aws/access_key_id</c>, <c>aws/secret_access_key</c>,
/// optionally <c>aws/session_token</c>; settings: <c>BaseUrl</c> (default https://iam.amazonaws.com), <c>Region</c>.
/// </summary>
public sealed class AwsIamConnector(ConnectorClients clients, ConnectorSecrets secrets, TimeProvider time) : HttpActionConnector(clients, secrets)
{
    public const string Deactivate = "cloud.key.deactivate";
    public const string Reactivate = "cloud.key.reactivate";
    private const string ApiVersion = "2010-05-08";
    private static readonly Uri DefaultEndpoint = new("https://iam.amazonaws.com/");

    public override string Name => "aws";

    public override IReadOnlyList<string> ActionTypes { get; } = [Deactivate, Reactivate];

    protected override async Task<ConnectorResult> RunAsync(ConnectorCall call, CancellationToken cancellationToken)
    {
        var credentials = new AwsCredentials(
            await Secrets.RequireAsync(Name, "access_key_id", cancellationToken),
            await Secrets.RequireAsync(Name, "secret_access_key", cancellationToken),
            await Secrets.GetAsync(Name, "session_token", cancellationToken));
        var request = Build(call);
        var signature = SigV4Signer.Sign("POST", request.Url, new Dictionary<string, string> { ["content-type"] = request.ContentType }, request.Body!,
            time.GetUtcNow(), Options.Get("Region") ?? "us-east-1", "iam", credentials);
        var secretHeaders = new Dictionary<string, string> { ["Authorization"] = signature.Authorization, ["X-Amz-Date"] = signature.AmzDate };
        if (signature.SecurityToken is { } token)
        {
            secretHeaders["X-Amz-Security-Token"] = token;
        }

        var signed = new OutboundRequest { Method = request.Method, Url = request.Url, Body = request.Body, ContentType = request.ContentType, SecretHeaders = secretHeaders };
        var response = await Client.SendAsync(signed, cancellationToken);
        var keyId = call.Require("access_key_id");
        var status = call.ActionType == Deactivate ? "Inactive" : "Active";
        if (!response.IsSuccess)
        {
            return response.ToFailure($"setting access key {keyId} {status}") with { Summary = $"setting access key {keyId} {status} failed: {IamError(response)}" };
        }

        var requestId = XDocument.Parse(response.Body).Descendants().FirstOrDefault(e => e.Name.LocalName == "RequestId")?.Value;
        return ConnectorResults.Succeeded($"access key {keyId} of {call.Require("user")} is now {status}", response, requestId,
            rollbackToken: JsonSerializer.Serialize(new { access_key_id = keyId, user = call.Require("user"), status = call.ActionType == Deactivate ? "Active" : "Inactive" }),
            details: new Dictionary<string, string> { ["access_key_id"] = keyId, ["status"] = status, ["request_id"] = requestId ?? string.Empty });
    }

    protected override Task<IReadOnlyList<OutboundRequest>> DescribeAsync(ConnectorCall call, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<OutboundRequest>>([Build(call)]);

    private OutboundRequest Build(ConnectorCall call)
    {
        var form = new Dictionary<string, string>
        {
            ["Action"] = "UpdateAccessKey",
            ["AccessKeyId"] = call.Require("access_key_id"),
            ["Status"] = call.ActionType == Deactivate ? "Inactive" : "Active",
            ["UserName"] = call.Require("user"),
            ["Version"] = ApiVersion,
        };
        return new OutboundRequest
        {
            Method = HttpMethod.Post,
            Url = Options.BaseUrl ?? DefaultEndpoint,
            Body = string.Join('&', form.Select(kv => $"{SigV4Signer.Encode(kv.Key)}={SigV4Signer.Encode(kv.Value)}")),
            ContentType = "application/x-www-form-urlencoded; charset=utf-8",
        };
    }

    /// <summary>IAM errors are XML: <c>ErrorResponse/Error/Code</c> and <c>Message</c>.</summary>
    private static string IamError(ConnectorResponse response)
    {
        try
        {
            var error = XDocument.Parse(response.Body).Descendants().FirstOrDefault(e => e.Name.LocalName == "Error");
            var code = error?.Elements().FirstOrDefault(e => e.Name.LocalName == "Code")?.Value;
            var message = error?.Elements().FirstOrDefault(e => e.Name.LocalName == "Message")?.Value;
            return code is null ? response.Error ?? "unexpected answer" : $"HTTP {(int?)response.StatusCode} {code}: {message}";
        }
        catch (System.Xml.XmlException)
        {
            return response.Error ?? "unexpected answer";
        }
    }
}
