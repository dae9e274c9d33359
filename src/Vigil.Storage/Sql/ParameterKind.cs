namespace Vigil.Storage.Sql;

internal enum ParameterKind
{
    Text,
    Integer,
    BigInteger,
    Time,
}
