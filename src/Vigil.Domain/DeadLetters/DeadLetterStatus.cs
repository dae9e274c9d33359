namespace Vigil.Domain.DeadLetters;

public enum DeadLetterStatus
{
    Pending,
    Replayed,
    Discarded,
}
