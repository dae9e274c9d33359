using Vigil.Pipeline.Recommend;
using Vigil.Pipeline.Recommend.Evaluation;
using Vigil.Pipeline.Respond;

namespace Vigil.Pipeline.Tests.Recommend;

/// <summary>The shipped labelled scenarios, loaded once, and a recommender over them at the scenarios' fixed time.</summary>
internal static class Scenarios
{
    private static readonly Lazy<IReadOnlyList<Scenario>> All = new(ScenarioLoader.LoadDefault);

    public static IReadOnlyList<Scenario> Set => All.Value;

    public static Scenario Get(string id) => Set.Single(s => s.Id == id);

    public static Recommender Recommender(IDispositionModel? model = null, IAiAnalyst? ai = null) =>
        new(new BuiltInAnalyst(ActionCatalogueLoader.LoadDefault()), ScenarioClock.Instance, model, ai);

    public static async Task<Recommendation> RecommendAsync(string id) =>
        (await Recommender().RecommendAsync(Get(id).Dossier, TestContext.Current.CancellationToken)).Recommendation;
}
