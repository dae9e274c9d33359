using Vigil.Web.Queue;

namespace Vigil.Web.Pages;

/// <summary>The rows partial's model: the page's rows and the moment they were read (for SLA countdowns).</summary>
internal sealed record QueueRows(IReadOnlyList<QueueRow> Rows, DateTimeOffset Now);
