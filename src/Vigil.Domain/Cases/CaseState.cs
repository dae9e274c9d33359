namespace Vigil.Domain.Cases;

/// <summary>The case lifecycle, in order. <see cref="CaseLifecycle"/> says which moves are legal.</summary>
public enum CaseState
{
    Normalised = 0,
    Enriched = 1,
    Correlated = 2,
    Recommended = 3,
    Approved = 4,
    Executed = 5,
    Recovered = 6,
    Learned = 7,
    Closed = 8,
}
