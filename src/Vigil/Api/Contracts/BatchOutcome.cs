namespace Vigil.Api.Contracts;

/// <summary>A committed batch: how many alerts were new and how many repeated stored ones, in submission order.</summary>
internal sealed record BatchOutcome(int Accepted, int Created, int Duplicates, IReadOnlyList<AlertOutcome> Alerts);
