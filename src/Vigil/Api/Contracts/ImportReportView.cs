namespace Vigil.Api.Contracts;

/// <summary>What an import through the API stored and what it could not read.</summary>
internal sealed record ImportReportView(string Kind, int? Read, int Stored, int Created, int Updated, IReadOnlyList<string> Problems);
