using System.Security.Cryptography;
using OtpNet;

namespace Vigil.Pipeline.Access;

/// <summary>
/// RFC 6238 time-based one-time passwords as every authenticator app reads them: HMAC-SHA1, 6 digits, 30-second
/// steps, a 160-bit secret (the length RFC 4226 §4 recommends). A code is accepted for the current step or one step
/// either side, which absorbs clock drift and the seconds a person takes to type it (RFC 6238 §5.2).
/// </summary>
public static class Totp
{
    public const int Digits = 6;
    public const int StepSeconds = 30;
    public const int SecretBytes = 20;
    public const string Issuer = "Vigil";

    private static readonly VerificationWindow Window = new(previous: 1, future: 1);

    public static byte[] NewSecret() => RandomNumberGenerator.GetBytes(SecretBytes);

    public static string ToBase32(byte[] secret) => Base32Encoding.ToString(secret).TrimEnd('=');

    public static byte[] FromBase32(string secret) => Base32Encoding.ToBytes(secret);

    /// <summary>The Key Uri Format authenticator apps scan: <c>otpauth://totp/Vigil:alice?secret=…&amp;issuer=Vigil…</c>.</summary>
    public static string Uri(string account, byte[] secret) =>
        string.Concat(
            "otpauth://totp/", System.Uri.EscapeDataString(Issuer), ":", System.Uri.EscapeDataString(account),
            "?secret=", ToBase32(secret),
            "&issuer=", System.Uri.EscapeDataString(Issuer),
            "&algorithm=SHA1&digits=6&period=30");

    /// <summary>The code for a moment (what an authenticator shows then).</summary>
    public static string Compute(byte[] secret, DateTimeOffset at) => new OtpNet.Totp(secret, StepSeconds, OtpHashMode.Sha1, Digits).ComputeTotp(at.UtcDateTime);

    /// <summary>
    /// The time step a code matches within the window, or null. Anything but exactly six ASCII digits is refused
    /// before any HMAC is computed.
    /// </summary>
    public static long? MatchStep(byte[] secret, string code, DateTimeOffset now)
    {
        var trimmed = code.Trim().Replace(" ", string.Empty, StringComparison.Ordinal);
        if (trimmed.Length != Digits || !trimmed.All(char.IsAsciiDigit))
        {
            return null;
        }

        var totp = new OtpNet.Totp(secret, StepSeconds, OtpHashMode.Sha1, Digits);
        return totp.VerifyTotp(now.UtcDateTime, trimmed, out var step, Window) ? step : null;
    }
}
