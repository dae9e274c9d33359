using System.CommandLine;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Vigil.Detection.Pipelines;
using Vigil.Detection.Regression;
using Vigil.Domain;
using Vigil.Domain.Entities;
using Vigil.Domain.Learn;
using Vigil.Pipeline.Learn;

namespace Vigil.Cli;

/// <summary><c>vigil learn tune|decide|tasks|done|scenario</c>: the learning loop after a case is closed.</summary>
internal static class LearnCommand
{
    public static Command Create()
    {
        var command = new Command("learn", "Learn from closed cases: Sigma rule tunings proven by replay, scenarios from true positives, learning tasks.");
        command.Subcommands.Add(Tune());
        command.Subcommands.Add(Decide());
        command.Subcommands.Add(Tasks());
        command.Subcommands.Add(Done());
        command.Subcommands.Add(Scenario());
        return command;
    }

    private static Command Tune()
    {
        var caseId = new Argument<string>("case") { Description = "A case closed as false_positive or benign_positive." };
        var rule = new Option<string>("--rule") { Description = "The Sigma rule file that fired.", Required = true };
        var regression = new Option<string?>("--regression") { Description = "A SigmaHQ-style regression directory (INDEX.csv); the rule's cases there must still pass." };
        var pipeline = DetectCommand.PipelineOption();
        var fields = new Option<string[]>("--field") { Description = "A field that made the alert benign (repeatable); default: context fields tried in order.", AllowMultipleArgumentsPerToken = true };
        var owner = new Option<string?>("--owner") { Description = "Who decides the tuning (the learning task's owner)." };
        var due = new Option<int>("--due-days") { Description = "Days until the decision is due.", DefaultValueFactory = _ => 7 };
        var command = new Command("tune", "Propose an exclusion for a rule that fired on a benign case, prove it by replay, and record it for a decision.")
        {
            caseId, rule, regression, pipeline, fields, owner, due,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            await using var context = await CliContext.OpenAsync(parse, cancellationToken);
            var learning = context.Get<LearningService>();
            var id = parse.GetValue(caseId)!;
            var rulePath = parse.GetRequiredValue(rule);
            TuningResult result;
            try
            {
                result = SigmaTuner.Propose(new TuningRequest
                {
                    RuleYaml = await File.ReadAllTextAsync(rulePath, cancellationToken),
                    RuleFileName = Path.GetFileName(rulePath),
                    Pipeline = SigmaPipelines.Resolve(parse.GetRequiredValue(pipeline)),
                    CaseId = id,
                    BenignEvents = await learning.CaseEventsAsync(id, cancellationToken),
                    TruePositiveEvents = await learning.TruePositiveEventsAsync(id, cancellationToken),
                    RegressionCases = parse.GetValue(regression) is { } directory ? RegressionSuite.LoadCases(directory) : [],
                    PreferredFields = parse.GetValue(fields) ?? [],
                });
            }
            catch (Exception exception) when (exception is InvalidDataException or IOException)
            {
                error.WriteLine(exception.Message);
                return 1;
            }

            var recorded = await learning.RecordProposalAsync(result, CliContext.Operator, parse.GetValue(owner), TimeSpan.FromDays(parse.GetValue(due)), cancellationToken);
            if (!recorded.Done)
            {
                error.WriteLine(recorded.Refusal ?? $"no case {id}");
                return 1;
            }

            output.Write(result.Diff);
            output.WriteLine();
            WriteProof(output, result);
            error.WriteLine($"proposal {recorded.Id} recorded for a decision ('vigil learn decide {recorded.Id} --accept|--reject --reason …')");
            return result.Passed ? 0 : 1;
        });
        return command;
    }

    private static void WriteProof(TextWriter output, TuningResult result)
    {
        var proof = result.Proof;
        output.WriteLine($"replay proof: {(proof.Passed ? "PASSED" : "FAILED")}");
        output.WriteLine($"  case events: original fired on {proof.Benign.FiredOriginal} of {proof.Benign.Events}, tuned on {proof.Benign.FiredTuned}");
        output.WriteLine($"  stored true positives: original fired on {proof.TruePositives.FiredOriginal} of {proof.TruePositives.Events}, tuned on {proof.TruePositives.FiredTuned}{(proof.TruePositives.Wrong.Count == 0 ? string.Empty : "; silenced: " + string.Join(", ", proof.TruePositives.Wrong))}");
        foreach (var r in proof.Regression)
        {
            output.WriteLine($"  regression {r.Events}: expected >= {r.Expected}, original {r.MatchedOriginal}, tuned {r.MatchedTuned}: {(r.Passed ? "pass" : "FAIL")}{(r.Error is null ? string.Empty : " (" + r.Error + ")")}");
        }

        if (proof.Regression.Count == 0)
        {
            output.WriteLine("  regression: no cases for this rule were given (--regression DIR)");
        }

        foreach (var attempt in result.Attempts)
        {
            output.WriteLine($"  tried first: {attempt}");
        }
    }

    private static Command Decide()
    {
        var proposal = new Argument<string>("proposal") { Description = "The tuning proposal id (tun_…)." };
        var accept = new Option<bool>("--accept") { Description = "Accept the tuning." };
        var reject = new Option<bool>("--reject") { Description = "Reject the tuning." };
        var reason = new Option<string>("--reason") { Description = "Why (goes to the ledger).", Required = true };
        var command = new Command("decide", "Accept or reject a tuning proposal (a detection engineer other than its proposer); the decision goes to the ledger.") { proposal, accept, reject, reason };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(accept) == parse.GetValue(reject))
            {
                parse.InvocationConfiguration.Error.WriteLine("give exactly one of --accept or --reject");
                return 2;
            }

            await using var context = await CliContext.OpenAsync(parse, cancellationToken);
            var outcome = await context.Get<LearningService>().DecideAsync(parse.GetValue(proposal)!, parse.GetValue(accept), parse.GetRequiredValue(reason), CliContext.Operator, cancellationToken);
            return Report(parse, outcome, parse.GetValue(accept) ? "accepted" : "rejected");
        });
        return command;
    }

    private static Command Tasks()
    {
        var caseId = new Option<string?>("--case") { Description = "One case's tasks (default: the whole queue)." };
        var all = new Option<bool>("--all") { Description = "Include done tasks." };
        var command = new Command("tasks", "The learning-task list: owner, due date and status, per case or for the whole queue.") { caseId, all };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var context = await CliContext.OpenAsync(parse, cancellationToken);
            var tasks = await context.Store.ListLearningTasksAsync(parse.GetValue(caseId), !parse.GetValue(all), cancellationToken);
            foreach (var t in tasks)
            {
                parse.InvocationConfiguration.Output.WriteLine(CliJson.Line(new { id = t.Id, case_id = t.CaseId, kind = t.Kind.ToWire(), title = t.Title, owner = t.Owner, due_at = t.DueAt, status = t.Status.ToWire(), ref_id = t.RefId }));
            }

            parse.InvocationConfiguration.Error.WriteLine($"{tasks.Count} task(s)");
            return 0;
        });
        return command;
    }

    private static Command Done()
    {
        var task = new Argument<string>("task") { Description = "The learning task id (lrn_…)." };
        var command = new Command("done", "Mark a learning task done.") { task };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var context = await CliContext.OpenAsync(parse, cancellationToken);
            return Report(parse, await context.Get<LearningService>().CompleteTaskAsync(parse.GetValue(task)!, CliContext.Operator, cancellationToken), "done");
        });
        return command;
    }

    private static Command Scenario()
    {
        var caseId = new Argument<string>("case") { Description = "A case closed as true_positive." };
        var output = new Option<string>("--out") { Description = "The scenario file (alert JSON lines, replayable with 'vigil ingest').", Required = true };
        var command = new Command("scenario", "Save a true positive's alerts as a replayable scenario that future playbook versions must handle the same way.") { caseId, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var context = await CliContext.OpenAsync(parse, cancellationToken);
            var id = parse.GetValue(caseId)!;
            var alerts = await context.Store.GetCaseAlertsAsync(id, cancellationToken);
            var text = new StringBuilder();
            foreach (var a in alerts)
            {
                using var raw = TryParse(a.RawPayload);
                text.Append(JsonSerializer.Serialize(new
                {
                    source = a.Source, source_ref = a.SourceRef, title = a.Title, description = a.Description, severity = a.Severity.ToWire(),
                    occurred_at = a.OccurredAt, tags = a.Tags, entities = a.Entities.Select(e => new { type = e.Type.ToWire(), value = e.Value }),
                    raw = raw?.RootElement,
                })).Append('\n');
            }

            var bytes = Encoding.UTF8.GetBytes(text.ToString());
            var outcome = await context.Get<LearningService>().RecordScenarioAsync(id, Path.GetFileName(parse.GetRequiredValue(output)), Convert.ToHexStringLower(SHA256.HashData(bytes)), alerts.Count, CliContext.Operator, cancellationToken);
            if (outcome.Done)
            {
                await File.WriteAllBytesAsync(parse.GetRequiredValue(output), bytes, cancellationToken);
            }

            return Report(parse, outcome, $"saved ({alerts.Count} alert(s))");
        });
        return command;
    }

    private static JsonDocument? TryParse(string raw)
    {
        try
        {
            return JsonDocument.Parse(raw);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static int Report(ParseResult parse, LearnOutcome outcome, string what)
    {
        if (outcome.Done)
        {
            parse.InvocationConfiguration.Output.WriteLine($"{outcome.Id} {what}");
            return 0;
        }

        parse.InvocationConfiguration.Error.WriteLine(outcome.NotFound ? $"not found: {outcome.Id}" : outcome.Refusal);
        return 1;
    }
}
