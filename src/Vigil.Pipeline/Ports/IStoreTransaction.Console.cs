namespace Vigil.Pipeline.Ports;

public partial interface IStoreTransaction
{
    /// <summary>Stores a view, replacing the owner's view of the same name.</summary>
    Task SaveViewAsync(SavedView view, CancellationToken cancellationToken);

    /// <summary>Deletes one of the owner's views; false when the owner has no such view.</summary>
    Task<bool> DeleteSavedViewAsync(string owner, string id, CancellationToken cancellationToken);
}
