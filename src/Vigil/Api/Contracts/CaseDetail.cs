using Vigil.Domain.Alerts;
using Vigil.Domain.Cases;
using Vigil.Domain.Entities;

namespace Vigil.Api.Contracts;

/// <summary>A case with everything an analyst reads first, and where it may go next.</summary>
internal sealed record CaseDetail(
    Case Case,
    IReadOnlyList<Alert> Alerts,
    IReadOnlyList<Entity> Entities,
    IReadOnlyList<CaseNote> Notes,
    IReadOnlyList<string> AllowedTransitions);
