namespace Vigil.Pipeline.Cases;

public enum CaseResultKind
{
    Done,
    NotFound,
    Refused,
    Conflict,
}
