using Vigil.Domain;

namespace Vigil.Pipeline.Recommend;

public static class RecommendationIds
{
    public const string Prefix = "rec";

    public static string New(DateTimeOffset at) => Ids.New(Prefix, at);
}
