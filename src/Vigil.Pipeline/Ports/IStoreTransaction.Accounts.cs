using Vigil.Domain.Access;

namespace Vigil.Pipeline.Ports;

public partial interface IStoreTransaction
{
    /// <summary>Reads a user by (lower-case) username and locks the row for this transaction.</summary>
    Task<UserRecord?> GetUserForUpdateAsync(string username, CancellationToken cancellationToken);

    /// <summary>Writes every mutable field of a user (password, roles, MFA, lockout, status, stamp); false if it does not exist.</summary>
    Task<bool> UpdateUserAsync(UserRecord user, CancellationToken cancellationToken);
}
