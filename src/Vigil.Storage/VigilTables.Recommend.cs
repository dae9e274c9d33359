namespace Vigil.Storage;

public static partial class VigilTables
{
    public const string Recommendations = "vigil_recommendations";
}
