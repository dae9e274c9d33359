using System.Text;
using Vigil.Pipeline.Access;

namespace Vigil.Pipeline.Tests.Access;

public sealed class TotpTests
{
    // RFC 6238 Appendix B: the SHA-1 seed and times; the 6-digit codes are the last six digits of the 8-digit values.
    private static readonly byte[] RfcSecret = Encoding.ASCII.GetBytes("12345678901234567890");

    [Theory]
    [InlineData(59L, "287082")]
    [InlineData(1111111109L, "081804")]
    [InlineData(1111111111L, "050471")]
    [InlineData(1234567890L, "005924")]
    [InlineData(2000000000L, "279037")]
    public void Compute_Rfc6238Vectors_Match(long unixSeconds, string expected) =>
        Assert.Equal(expected, Totp.Compute(RfcSecret, DateTimeOffset.FromUnixTimeSeconds(unixSeconds)));

    [Fact]
    public void MatchStep_OneStepEitherSide_AcceptedTwoStepsRefused()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_010);
        var step = 1_700_000_010 / 30;
        Assert.Equal(step, Totp.MatchStep(RfcSecret, Totp.Compute(RfcSecret, now), now));
        Assert.Equal(step - 1, Totp.MatchStep(RfcSecret, Totp.Compute(RfcSecret, now.AddSeconds(-30)), now));
        Assert.Equal(step + 1, Totp.MatchStep(RfcSecret, Totp.Compute(RfcSecret, now.AddSeconds(30)), now));
        Assert.Null(Totp.MatchStep(RfcSecret, Totp.Compute(RfcSecret, now.AddSeconds(-60)), now));
        Assert.Null(Totp.MatchStep(RfcSecret, Totp.Compute(RfcSecret, now.AddSeconds(60)), now));
    }

    [Theory]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12a456")]
    [InlineData("１２３４５６")]
    public void MatchStep_NotSixAsciiDigits_Refused(string code) =>
        Assert.Null(Totp.MatchStep(RfcSecret, code, DateTimeOffset.FromUnixTimeSeconds(59)));

    [Fact]
    public void MatchStep_SpacesInsideCode_Tolerated()
    {
        var at = DateTimeOffset.FromUnixTimeSeconds(59);
        Assert.NotNull(Totp.MatchStep(RfcSecret, " 287 082 ", at));
    }

    [Fact]
    public void Uri_KeyUriFormat_Base32SecretIssuerAndEscapedAccount()
    {
        var uri = Totp.Uri("alice@corp", RfcSecret);
        Assert.Equal("otpauth://totp/Vigil:alice%40corp?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Vigil&algorithm=SHA1&digits=6&period=30", uri);
        Assert.Equal(RfcSecret, Totp.FromBase32(Totp.ToBase32(RfcSecret)));
    }
}
