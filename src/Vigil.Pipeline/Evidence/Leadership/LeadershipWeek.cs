namespace Vigil.Pipeline.Evidence.Leadership;

/// <summary>One ISO week of the period: cases opened and closed, and the week's MTTA and MTTR (minutes).</summary>
public sealed record LeadershipWeek(string Week, int Opened, int Closed, double? MttaMinutes, double? MttrMinutes);
