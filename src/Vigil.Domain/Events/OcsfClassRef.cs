namespace Vigil.Domain.Events;

/// <summary>An OCSF event class as named by the schema: <c>class_uid</c> 2004 is "Detection Finding" in category 2 "Findings".</summary>
public sealed record OcsfClassRef(int ClassUid, string ClassName, int CategoryUid, string CategoryName);
