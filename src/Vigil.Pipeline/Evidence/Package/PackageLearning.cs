using System.Text.Json;

namespace Vigil.Pipeline.Evidence;

public sealed record PackageLearning(IReadOnlyList<JsonElement> TuningProposals, IReadOnlyList<PackageLearningTask> Tasks);
