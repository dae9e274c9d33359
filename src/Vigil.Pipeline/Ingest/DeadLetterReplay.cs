using Vigil.Domain.DeadLetters;

namespace Vigil.Pipeline.Ingest;

public sealed record DeadLetterReplay(DeadLetter? Letter, IReadOnlyList<IngestOutcome> Outcomes, string? Problem, bool Found)
{
    public bool Succeeded => Found && Problem is null;

    public static DeadLetterReplay NotFound(string id) => new(null, [], $"no dead letter {id}", false);

    public static DeadLetterReplay Refused(DeadLetter letter, string problem) => new(letter, [], problem, true);

    public static DeadLetterReplay Done(DeadLetter letter, IReadOnlyList<IngestOutcome> outcomes) => new(letter, outcomes, null, true);
}
