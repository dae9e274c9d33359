namespace Vigil.Domain.Cases;

public enum Classification
{
    TruePositive,
    BenignPositive,
    FalsePositive,
    Duplicate,
    Suppressed,
}
