namespace Vigil.Api.Contracts;

/// <summary>One problem in a chain: which chain, which entry, what kind (changed, missing, broken_link, truncated...).</summary>
internal sealed record LedgerProblemView(string Chain, long Seq, string Kind, string Message);
