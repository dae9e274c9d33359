using Vigil.Domain.DeadLetters;

namespace Vigil.Pipeline.Ports;

public sealed record DeadLetterQuery
{
    public string? Source { get; init; }

    public DeadLetterStatus? Status { get; init; }

    public int Limit { get; init; } = 100;

    /// <summary>Id of the last item of the previous page.</summary>
    public string? After { get; init; }
}
