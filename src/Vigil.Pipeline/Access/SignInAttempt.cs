using Vigil.Domain.Access;

namespace Vigil.Pipeline.Access;

/// <summary>The outcome of one sign-in step; <see cref="User"/> is set for <see cref="SignInResult.SignedIn"/> and <see cref="SignInResult.TotpRequired"/>.</summary>
public sealed record SignInAttempt(SignInResult Result, UserRecord? User)
{
    public static SignInAttempt Failed { get; } = new(SignInResult.Failed, null);

    public static SignInAttempt LockedOut { get; } = new(SignInResult.LockedOut, null);
}
