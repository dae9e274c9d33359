namespace Vigil.Storage.Cases;

internal enum SortKeyKind
{
    Time,
    Integer,
    Id,
}
