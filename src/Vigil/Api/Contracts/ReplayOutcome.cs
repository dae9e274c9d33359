using Vigil.Domain.DeadLetters;

namespace Vigil.Api.Contracts;

internal sealed record ReplayOutcome(DeadLetter DeadLetter, IReadOnlyList<AlertOutcome> Alerts);
