namespace Vigil.Domain.Access;

public sealed record UserRecord
{
    public required string Id { get; init; }

    public required string Username { get; init; }

    public required string PasswordHash { get; init; }

    public required IReadOnlyList<string> Roles { get; init; }

    /// <summary>True for accounts created with a generated one-time password: the first sign-in must replace it.</summary>
    public bool MustChangePassword { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? DisabledAt { get; init; }

    /// <summary>
    /// The TOTP shared secret as the Data Protection ciphertext, never in the clear: a copy of the database alone
    /// cannot mint codes. Set during enrolment; it counts only once <see cref="TotpEnabledAt"/> is set.
    /// </summary>
    public string? TotpSecretProtected { get; init; }

    /// <summary>When the user proved the authenticator works (a first valid code); null while not enrolled.</summary>
    public DateTimeOffset? TotpEnabledAt { get; init; }

    /// <summary>The last RFC 6238 time step accepted: a code for it or an earlier step is never accepted again.</summary>
    public long? TotpLastStep { get; init; }

    /// <summary>Consecutive failed sign-ins (passwords and codes); reset by a success.</summary>
    public int FailedSignIns { get; init; }

    public DateTimeOffset? LockedUntil { get; init; }

    public DateTimeOffset? LastSignInAt { get; init; }

    /// <summary>
    /// Changes whenever the password, roles, MFA or status change, so a console session issued before the change
    /// stops working at its next request.
    /// </summary>
    public string SecurityStamp { get; init; } = string.Empty;

    public bool IsActive => DisabledAt is null;

    public bool HasTotp => TotpEnabledAt is not null && TotpSecretProtected is not null;

    public bool IsLockedOut(DateTimeOffset now) => LockedUntil is { } until && until > now;
}
