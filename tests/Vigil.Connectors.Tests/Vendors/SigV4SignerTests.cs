using Vigil.Connectors.Vendors.Aws;

namespace Vigil.Connectors.Tests.Vendors;

/// <summary>Cases from AWS's published Signature Version 4 test suite (credentials AKIDEXAMPLE, 20150830T123600Z, us-east-1, service "service").</summary>
public sealed class SigV4SignerTests
{
    private static readonly AwsCredentials Suite = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    private static readonly DateTimeOffset At = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);

    [Fact]
    public void Sign_GetVanilla_MatchesEveryPublishedStep()
    {
        var signature = SigV4Signer.Sign("GET", new Uri("https://example.amazonaws.com/"), new Dictionary<string, string>(), string.Empty, At, "us-east-1", "service", Suite);

        Assert.Equal("GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", signature.CanonicalRequest);
        Assert.Equal("AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\nbb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63", signature.StringToSign);
        Assert.Equal("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31", signature.Authorization);
        Assert.Equal("20150830T123600Z", signature.AmzDate);
    }

    [Theory]
    [InlineData("POST", "https://example.amazonaws.com/", "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b")] // post-vanilla
    [InlineData("GET", "https://example.amazonaws.com/?Param2=value2&Param1=value1", "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500")] // get-vanilla-query-order-key-case
    [InlineData("GET", "https://example.amazonaws.com/?Param1=value2&Param1=value1", "5772eed61e12b33fae39ee5e7012498b51d56abc0abb7c60486157bd471c4694")] // get-vanilla-query-order-value
    public void Sign_SuiteCases_ProduceThePublishedSignature(string method, string url, string expected) =>
        Assert.Equal(expected, SigV4Signer.Sign(method, new Uri(url), new Dictionary<string, string>(), string.Empty, At, "us-east-1", "service", Suite).Signature);

    [Fact]
    public void Sign_PostFormEncoded_SignsContentTypeAndBody()
    {
        var signature = SigV4Signer.Sign("POST", new Uri("https://example.amazonaws.com/"),
            new Dictionary<string, string> { ["Content-Type"] = "application/x-www-form-urlencoded" }, "Param1=value1", At, "us-east-1", "service", Suite);

        Assert.EndsWith("\ncontent-type;host;x-amz-date\n9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e", signature.CanonicalRequest, StringComparison.Ordinal);
        Assert.EndsWith("\n42a5e5bb34198acb3e84da4f085bb7927f2bc277ca766e6d19c73c2154021281", signature.StringToSign, StringComparison.Ordinal);
        Assert.Equal("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a", signature.Authorization);
    }

    [Fact]
    public void ToString_NeverShowsTheSecretKey()
    {
        Assert.DoesNotContain("EXAMPLEKEY", Suite.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("EXAMPLEKEY", SigV4Signer.Sign("GET", new Uri("https://example.amazonaws.com/"), new Dictionary<string, string>(), string.Empty, At, "us-east-1", "service", Suite).ToString(), StringComparison.Ordinal);
    }
}
