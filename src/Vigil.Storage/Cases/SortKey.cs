namespace Vigil.Storage.Cases;

/// <summary>One column of a case sort. Times and severities travel in the cursor as integers, ids as text.</summary>
internal sealed record SortKey(string Column, bool Descending, SortKeyKind Kind);
