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
}
