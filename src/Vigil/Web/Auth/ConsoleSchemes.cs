namespace Vigil.Web.Auth;

/// <summary>The console's authentication schemes and cookie names, defined once.</summary>
internal static class ConsoleSchemes
{
    /// <summary>The signed-in session.</summary>
    public const string Session = "Vigil.Console";

    /// <summary>Five minutes between a right password and the TOTP code; grants nothing else.</summary>
    public const string PendingMfa = "Vigil.PendingMfa";

    public const string SessionCookie = "vigil.session";
    public const string PendingMfaCookie = "vigil.mfa";
    public const string AntiforgeryCookie = "vigil.csrf";
    public const string ThemeCookie = "vigil.theme";

    /// <summary>The authorization policy every console page needs: a signed-in console session.</summary>
    public const string Policy = "console";

    /// <summary>The rate-limiting policy on the sign-in forms.</summary>
    public const string SignInLimit = "console-sign-in";
}
