using Vigil.Domain.Cases;

namespace Vigil.Web.Queue;

/// <summary>One case as the queue shows it, with what the other stages know about it.</summary>
internal sealed record QueueRow(Case Case, CaseSignals Signals);
