namespace Vigil.Pipeline.Access;

/// <summary>
/// A secret being enrolled, shown once to the user who enrols it (as text and as the otpauth:// URI a QR code
/// carries). It is stored only encrypted, and counts only after a first valid code confirms it.
/// </summary>
public sealed record TotpEnrolment(string Secret, string Uri);
