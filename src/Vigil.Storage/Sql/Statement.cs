namespace Vigil.Storage.Sql;

/// <summary>A statement run many times per transaction, with its parameters in the order the caller sets them.</summary>
internal sealed record Statement(string Sql, params (string Name, ParameterKind Kind)[] Parameters);
