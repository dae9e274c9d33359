namespace Vigil.Domain.Learn;

public enum LearningTaskStatus
{
    Open,
    Done,
    Dropped,
}
