using System.Text.Json;

namespace Vigil.Pipeline.Evidence;

/// <summary>A ledger entry as a section of the package shows it: which entry (seq), who, when, and its payload parsed.</summary>
public sealed record PackageLedgerView(long Seq, string Kind, string Actor, string At, JsonElement Payload);
