using System.CommandLine;
using Vigil.Pipeline.Evidence.Leadership;

namespace Vigil.Cli;

internal static partial class ReportCommand
{
    private static Command Leadership() => Period<LeadershipReport>(
        "leadership",
        "Cases opened/closed, MTTA/MTTR by week, SLA breaches, automation savings, noisiest detections and their tunings, outstanding learning tasks.",
        (context, from, to, cancellationToken) => context.Get<LeadershipReporter>().BuildAsync(from, to, cancellationToken),
        LeadershipReportHtml.Render,
        report => report.Summary + "\n",
        _ => 0);
}
