using Vigil.Domain.Alerts;

namespace Vigil.Pipeline.Ports;

/// <summary>The stored alert after an upsert, and whether this call created it.</summary>
public sealed record AlertUpsert(Alert Alert, bool Created);
