namespace Vigil.Storage;

public static partial class VigilTables
{
    public const string SavedViews = "vigil_saved_views";
}
