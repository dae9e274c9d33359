namespace Vigil.Pipeline.Access;

public enum SignInResult
{
    /// <summary>Signed in; the caller issues the session.</summary>
    SignedIn,

    /// <summary>The password was right and the account has TOTP: ask for a code next.</summary>
    TotpRequired,

    /// <summary>Wrong password or code, unknown or disabled account: all look alike to the caller.</summary>
    Failed,

    /// <summary>Too many failures; refused until the lockout ends or an administrator unlocks the account.</summary>
    LockedOut,
}
