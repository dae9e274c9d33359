using Vigil.Domain.Access;

namespace Vigil.Pipeline.Access;

/// <summary>Console account policy, under <c>Vigil:Accounts</c>.</summary>
public sealed record AccountOptions
{
    public const string Section = "Vigil:Accounts";

    /// <summary>Consecutive failed passwords or codes before the account locks.</summary>
    public int MaxFailedSignIns { get; init; } = 5;

    public TimeSpan LockoutDuration { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>NIST SP 800-63B §5.1.1.2 asks for at least 8; Vigil guards production changes, so 12.</summary>
    public int MinPasswordLength { get; init; } = 12;

    /// <summary>Holders of any of these roles must enrol TOTP before they can use the console.</summary>
    public IReadOnlyList<string> MfaRequiredRoles { get; init; } = [Roles.Admin, Roles.Approver, Roles.Responder];

    public bool RequiresMfa(IEnumerable<string> roles) => roles.Any(role => MfaRequiredRoles.Contains(role, StringComparer.Ordinal));
}
