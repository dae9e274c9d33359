using Vigil.Domain.Access;

namespace Vigil.Pipeline.Ports;

public partial interface IVigilStore
{
    Task<UserRecord?> GetUserAsync(string id, CancellationToken cancellationToken);

    /// <summary>Every account, by username.</summary>
    Task<IReadOnlyList<UserRecord>> ListUsersAsync(CancellationToken cancellationToken);
}
