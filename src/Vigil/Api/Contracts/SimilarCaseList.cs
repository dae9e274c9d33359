using Vigil.Pipeline.Correlate;

namespace Vigil.Api.Contracts;

/// <summary>The closed cases like <see cref="CaseId"/>, best first.</summary>
internal sealed record SimilarCaseList(string CaseId, IReadOnlyList<SimilarCase> Similar);
