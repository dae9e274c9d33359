namespace Vigil.Api.Contracts;

/// <summary>Liveness of the store: its mode and where it is, never credentials.</summary>
internal sealed record HealthReport(string Status, string StoreMode, string StoreDescription);
