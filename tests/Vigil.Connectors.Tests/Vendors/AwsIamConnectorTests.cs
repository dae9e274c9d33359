using Microsoft.Extensions.Time.Testing;
using Vigil.Connectors.Tests.Support;
using Vigil.Connectors.Vendors.Aws;
using Vigil.Pipeline.Respond.Connectors;

namespace Vigil.Connectors.Tests.Vendors;

public sealed class AwsIamConnectorTests : IAsyncLifetime
{
    private const string SecretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY";
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private LoopbackVendor _aws = null!;
    private ConnectorHarness _harness = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _aws = await LoopbackVendor.StartAsync();
        _harness = await ConnectorHarness.StartAsync(ConnectorHarness.For("aws", _aws), new FakeTimeProvider(Now));
        await _harness.Secrets.SetAsync("aws", "access_key_id", "AKIAVIGILTEST0000001", ConnectorHarness.Operator, Ct);
        await _harness.Secrets.SetAsync("aws", "secret_access_key", SecretKey, ConnectorHarness.Operator, Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _harness.DisposeAsync();
        await _aws.DisposeAsync();
    }

    [Fact]
    public async Task Deactivate_SendsSignedUpdateAccessKey_AndReturnsReactivationToken()
    {
        _aws.On("POST /", RecordedResponse.File(200, "aws/update-access-key.xml", new Dictionary<string, string> { ["Content-Type"] = "text/xml" }));

        var result = await _harness.Connector("aws").ExecuteAsync(Calls.For("cloud.key.deactivate", ("access_key_id", "AKIAIOSFODNN7EXAMPLE"), ("user", "deploy-bot")), Ct);

        Assert.Equal(ConnectorOutcome.Succeeded, result.Outcome);
        Assert.Equal("access key AKIAIOSFODNN7EXAMPLE of deploy-bot is now Inactive", result.Summary);
        Assert.Equal("7a62c49f-347e-4fc4-9331-6e8eEXAMPLE", result.ExternalReference);
        Assert.Equal("{\"access_key_id\":\"AKIAIOSFODNN7EXAMPLE\",\"user\":\"deploy-bot\",\"status\":\"Active\"}", result.RollbackToken);
        var sent = _aws.Single("POST", "/");
        Assert.Equal("Action=UpdateAccessKey&AccessKeyId=AKIAIOSFODNN7EXAMPLE&Status=Inactive&UserName=deploy-bot&Version=2010-05-08", sent.Body);
        Assert.Equal("application/x-www-form-urlencoded; charset=utf-8", sent.Header("Content-Type"));
        Assert.Equal("20261123T120000Z", sent.Header("X-Amz-Date"));
        var expected = SigV4Signer.Sign("POST", _aws.BaseUrl, new Dictionary<string, string> { ["content-type"] = "application/x-www-form-urlencoded; charset=utf-8" }, sent.Body, Now,
            "us-east-1", "iam", new AwsCredentials("AKIAVIGILTEST0000001", SecretKey));
        Assert.Equal(expected.Authorization, sent.Header("Authorization"));
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIAVIGILTEST0000001/20261123/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=", sent.Header("Authorization"), StringComparison.Ordinal);
        Assert.DoesNotContain(SecretKey, _harness.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reactivate_UnknownKey_FailsWithIamErrorCode()
    {
        _aws.On("POST /", RecordedResponse.File(404, "aws/no-such-entity.xml", new Dictionary<string, string> { ["Content-Type"] = "text/xml" }));

        var result = await _harness.Connector("aws").ExecuteAsync(Calls.For("cloud.key.reactivate", ("access_key_id", "AKIAIOSFODNN7EXAMPLE"), ("user", "deploy-bot")), Ct);

        Assert.Equal(ConnectorOutcome.Failed, result.Outcome);
        Assert.Equal("setting access key AKIAIOSFODNN7EXAMPLE Active failed: HTTP 404 NoSuchEntity: The Access Key with id AKIAIOSFODNN7EXAMPLE cannot be found.", result.Summary);
        Assert.Contains("Status=Active", _aws.Single("POST", "/").Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_DescribesTheCallWithoutSigningOrSending()
    {
        var result = await _harness.Connector("aws").ExecuteAsync(Calls.For("cloud.key.deactivate", ("access_key_id", "AKIAIOSFODNN7EXAMPLE"), ("user", "deploy-bot")) with { Simulate = true }, Ct);

        Assert.Equal(ConnectorOutcome.Succeeded, result.Outcome);
        Assert.StartsWith("simulated, nothing sent: would POST http://127.0.0.1:", result.Summary, StringComparison.Ordinal);
        Assert.EndsWith("Action=UpdateAccessKey&AccessKeyId=AKIAIOSFODNN7EXAMPLE&Status=Inactive&UserName=deploy-bot&Version=2010-05-08", result.Details["request_1"], StringComparison.Ordinal);
        Assert.Empty(_aws.Received);
    }
}
