using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vigil.Domain.Access;
using Vigil.Hosting.Auth;
using Vigil.Pipeline.Ports;
using Vigil.Web.Auth;
using Vigil.Web.Metrics;

namespace Vigil.Web.Pages;

/// <summary>Team performance over a chosen period (metrics:read), drawn as server-side SVG.</summary>
[ConsolePermission(Permissions.MetricsRead)]
internal sealed class MetricsModel(IVigilStore store, TimeProvider time) : PageModel
{
    public static readonly int[] Periods = [1, 7, 30, 90];

    public int Days { get; private set; } = 30;

    public CaseMetrics? Metrics { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? days, CancellationToken cancellationToken)
    {
        if (!User.HasPermission(Permissions.MetricsRead))
        {
            return NotFound();
        }

        Days = days is { } d && Periods.Contains(d) ? d : 30;
        var now = time.GetUtcNow();
        var from = now.AddDays(-Days);
        Metrics = CaseMetrics.Compute(
            await store.ReadCaseFactsAsync(from, cancellationToken),
            await store.ReadRuleOutcomesAsync(from, cancellationToken),
            from,
            now);
        return Page();
    }
}
