namespace Vigil.Pipeline.Evidence.Stream;

/// <summary>The outcome of one delivery attempt to one receiver.</summary>
public sealed record StreamDelivery(string Receiver, StreamDeliveryStatus Status, int Entries, string? Error);
