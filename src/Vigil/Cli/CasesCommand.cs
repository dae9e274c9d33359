using System.CommandLine;
using Vigil.Domain;
using Vigil.Domain.Cases;
using Vigil.Pipeline.Cases;
using Vigil.Pipeline.Ports;

namespace Vigil.Cli;

internal static class CasesCommand
{
    private static readonly Option<bool> Json = new("--json") { Description = "Print JSON (one object per line) instead of a table." };

    public static Command Create()
    {
        var command = new Command("cases", "List, show and move cases.");
        command.Subcommands.Add(ListCases());
        command.Subcommands.Add(ShowCase());
        command.Subcommands.Add(MoveCase());
        command.Subcommands.Add(AddNote());
        return command;
    }

    private static Command ListCases()
    {
        var state = new Option<string[]>("--state") { Description = "Only these states (repeatable).", AllowMultipleArgumentsPerToken = true };
        var open = new Option<bool>("--open") { Description = "Only open cases." };
        var minSeverity = new Option<string?>("--min-severity") { Description = "informational, low, medium, high or critical." };
        var owner = new Option<string?>("--owner");
        var text = new Option<string?>("--text") { Description = "Title contains this text (case-insensitive)." };
        var sort = new Option<string>("--sort") { Description = $"One of {string.Join(", ", CaseSortNames.All)}.", DefaultValueFactory = _ => CaseSort.OpenedDesc.ToWire() };
        var limit = new Option<int>("--limit") { DefaultValueFactory = _ => 50 };
        var after = new Option<string?>("--after") { Description = "Cursor printed at the end of the previous page." };
        var command = new Command("list", "List cases, newest first by default, a page at a time.") { state, open, minSeverity, owner, text, sort, limit, after, Json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var states = new List<CaseState>();
            foreach (var word in parse.GetValue(state) ?? [])
            {
                if (!CaseNames.TryParseState(word, out var parsed))
                {
                    error.WriteLine($"error: unknown state '{word}'");
                    return 2;
                }

                states.Add(parsed);
            }

            Severity? min = null;
            if (parse.GetValue(minSeverity) is { } severityText)
            {
                if (!SeverityNames.TryParse(severityText, out var severity))
                {
                    error.WriteLine($"error: unknown severity '{severityText}'");
                    return 2;
                }

                min = severity;
            }

            if (!CaseSortNames.TryParse(parse.GetValue(sort), out var caseSort))
            {
                error.WriteLine($"error: unknown sort '{parse.GetValue(sort)}'");
                return 2;
            }

            await using var context = await CliContext.OpenAsync(parse, cancellationToken);
            var page = await context.Store.ListCasesAsync(new CaseQuery
            {
                States = states.Count > 0 ? states : null,
                Open = parse.GetValue(open) ? true : null,
                MinSeverity = min,
                Owner = parse.GetValue(owner),
                Text = parse.GetValue(text),
                Sort = caseSort,
                Limit = parse.GetValue(limit),
                After = parse.GetValue(after),
            }, cancellationToken);

            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(Json))
            {
                foreach (var item in page.Items)
                {
                    output.WriteLine(CliJson.Line(item));
                }
            }
            else
            {
                output.WriteLine($"{"ID",-37} {"STATE",-12} {"SEVERITY",-13} {"ALERTS",6}  {"SLA DUE",-20} TITLE");
                foreach (var item in page.Items)
                {
                    output.WriteLine($"{item.Id,-37} {item.State.ToWire(),-12} {item.Severity.ToWire(),-13} {item.AlertCount,6}  {item.SlaDueAt:yyyy-MM-dd HH:mm}Z    {item.Title}");
                }
            }

            if (page.Next is not null)
            {
                error.WriteLine($"more: --after {page.Next}");
            }

            return 0;
        });
        return command;
    }

    private static Command ShowCase()
    {
        var id = new Argument<string>("id");
        var command = new Command("show", "Show a case with its alerts, entities and notes.") { id, Json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var context = await CliContext.OpenAsync(parse, cancellationToken);
            var caseId = parse.GetValue(id)!;
            var found = await context.Store.GetCaseAsync(caseId, cancellationToken);
            if (found is null)
            {
                parse.InvocationConfiguration.Error.WriteLine($"no case {caseId}");
                return 1;
            }

            var alerts = await context.Store.GetCaseAlertsAsync(caseId, cancellationToken);
            var entities = await context.Store.GetCaseEntitiesAsync(caseId, cancellationToken);
            var notes = await context.Store.GetNotesAsync(caseId, cancellationToken);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(Json))
            {
                output.WriteLine(CliJson.Line(new { @case = found, alerts, entities = entities.Select(e => e.Key), notes }));
                return 0;
            }

            output.WriteLine($"{found.Id}  {found.Title}");
            output.WriteLine($"  state {found.State.ToWire()}, severity {found.Severity.ToWire()} (opened as {found.SeverityAtOpen.ToWire()}), owner {found.Owner ?? "-"}");
            output.WriteLine($"  opened {found.OpenedAt:u}, SLA due {found.SlaDueAt:u}{(found.ClosedAt is { } closed ? $", closed {closed:u} as {found.Classification?.ToWire()}" : string.Empty)}");
            output.WriteLine($"  next: {string.Join(", ", CaseLifecycle.NextStates(found.State).Select(s => s.ToWire()).Append(found.IsClosed ? "reopen" : "closed"))}");
            output.WriteLine($"  alerts ({alerts.Count}):");
            foreach (var alert in alerts)
            {
                output.WriteLine($"    {alert.Id}  {alert.Source,-14} {alert.Severity.ToWire(),-13} x{alert.OccurrenceCount,-4} {alert.Title}");
            }

            output.WriteLine($"  entities: {string.Join(", ", entities.Select(e => e.Key))}");
            foreach (var note in notes)
            {
                output.WriteLine($"  note {note.At:u} {note.Author}: {note.Text}");
            }

            return 0;
        });
        return command;
    }

    private static Command MoveCase()
    {
        var id = new Argument<string>("id");
        var to = new Option<string>("--to") { Description = "The next state, 'closed', or 'reopened'.", Required = true };
        var reason = new Option<string?>("--reason");
        var classification = new Option<string?>("--classification") { Description = "For --to closed: true_positive, benign_positive, false_positive, duplicate or suppressed." };
        var note = new Option<string?>("--note") { Description = "For --to closed: the closure note." };
        var rootCause = new Option<string?>("--root-cause");
        var command = new Command("transition", "Move a case along its lifecycle, close it, or reopen it.") { id, to, reason, classification, note, rootCause };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var caseId = parse.GetValue(id)!;
            var target = parse.GetValue(to)!.Trim().ToLowerInvariant();
            await using var context = await CliContext.OpenAsync(parse, cancellationToken);
            var cases = context.Get<CaseService>();
            CaseResult result;
            if (target == "closed")
            {
                if (!CaseNames.TryParseClassification(parse.GetValue(classification), out var parsed))
                {
                    error.WriteLine("error: closing needs --classification (true_positive, benign_positive, false_positive, duplicate, suppressed)");
                    return 2;
                }

                result = await cases.CloseAsync(caseId, new CaseClosure(parsed, parse.GetValue(note) ?? string.Empty, parse.GetValue(rootCause)), CliContext.Operator, cancellationToken);
            }
            else if (target is "reopen" or "reopened")
            {
                result = await cases.ReopenAsync(caseId, parse.GetValue(reason) ?? string.Empty, CliContext.Operator, cancellationToken);
            }
            else if (CaseNames.TryParseState(target, out var state))
            {
                result = await cases.TransitionAsync(caseId, state, CliContext.Operator, parse.GetValue(reason), cancellationToken);
            }
            else
            {
                error.WriteLine($"error: unknown state '{target}'");
                return 2;
            }

            if (result.Kind != CaseResultKind.Done)
            {
                error.WriteLine($"refused: {result.Problem}");
                return 1;
            }

            parse.InvocationConfiguration.Output.WriteLine($"{caseId} is now {result.Case!.State.ToWire()}");
            return 0;
        });
        return command;
    }

    private static Command AddNote()
    {
        var id = new Argument<string>("id");
        var text = new Argument<string>("text");
        var command = new Command("note", "Add a note to a case.") { id, text };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var context = await CliContext.OpenAsync(parse, cancellationToken);
            var (result, note) = await context.Get<CaseService>().AddNoteAsync(parse.GetValue(id)!, parse.GetValue(text)!, CliContext.Operator, cancellationToken);
            if (note is null)
            {
                parse.InvocationConfiguration.Error.WriteLine($"refused: {result.Problem}");
                return 1;
            }

            parse.InvocationConfiguration.Output.WriteLine(note.Id);
            return 0;
        });
        return command;
    }
}
