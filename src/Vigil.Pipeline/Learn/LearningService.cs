using System.Text.Json;
using Vigil.Domain;
using Vigil.Domain.Cases;
using Vigil.Domain.Learn;
using Vigil.Domain.Ledger;
using Vigil.Pipeline.Evidence;
using Vigil.Pipeline.Ports;

namespace Vigil.Pipeline.Learn;

/// <summary>
/// The learning loop after closure: tuning proposals (recorded with their replay proof, decided once by someone
/// other than who proposed them), scenarios saved from true positives, and the learning tasks that track both until
/// the case has nothing left to teach. Every step is a ledger entry on the case's chain, in the same transaction.
/// </summary>
public sealed class LearningService(IVigilStore store, TimeProvider time)
{
    public const string ProposalPrefix = "tun";
    public const string TaskPrefix = "lrn";

    /// <summary>The events a case's alerts carry: the raw payload, or its <c>event</c> object when it wraps one.</summary>
    public async Task<IReadOnlyList<ReplayEvent>> CaseEventsAsync(string caseId, CancellationToken cancellationToken) =>
        (await store.GetCaseAlertsAsync(caseId, cancellationToken)).Select(a => new ReplayEvent(a.Id, EventOf(a.RawPayload))).ToArray();

    /// <summary>Every stored event of cases closed as true positives (other than <paramref name="exceptCaseId"/>).</summary>
    public async Task<IReadOnlyList<ReplayEvent>> TruePositiveEventsAsync(string exceptCaseId, CancellationToken cancellationToken)
    {
        var events = new List<ReplayEvent>();
        await foreach (var c in CaseScan.AllAsync(store, cancellationToken))
        {
            if (c.Classification == Classification.TruePositive && c.Id != exceptCaseId)
            {
                events.AddRange((await store.GetCaseAlertsAsync(c.Id, cancellationToken)).Select(a => new ReplayEvent($"{c.Id}/{a.Id}", EventOf(a.RawPayload))));
            }
        }

        return events;
    }

    public async Task<LearnOutcome> RecordProposalAsync(TuningResult result, Actor actor, string? owner, TimeSpan due, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var transaction = await store.BeginAsync(cancellationToken);
        var found = await transaction.GetCaseForUpdateAsync(result.CaseId, cancellationToken);
        if (found is null)
        {
            return LearnOutcome.Missing(result.CaseId);
        }

        if (found.Classification is not (Classification.FalsePositive or Classification.BenignPositive))
        {
            return LearnOutcome.Refused($"case {found.Id} is not closed as a false or benign positive: a rule is tuned only after one");
        }

        var proposal = new TuningProposal
        {
            Id = Ids.New(ProposalPrefix, now),
            CaseId = found.Id,
            RuleId = result.RuleId,
            Status = TuningStatus.Proposed,
            CreatedAt = now,
            Document = JsonSerializer.Serialize(new { proposed_by = actor.ToString(), result }, PackageJson.Compact),
        };
        var task = NewTask(found.Id, LearningTaskKind.DecideTuning, $"Decide the tuning of rule '{result.RuleTitle}' ({result.RuleId})", owner, now, due, proposal.Id);
        await transaction.InsertTuningProposalAsync(proposal, cancellationToken);
        await transaction.InsertLearningTaskAsync(task, cancellationToken);
        await transaction.AppendLedgerAsync(found.Id, EvidenceKinds.TuningProposed, actor, now, LedgerPayload.From(new
        {
            proposal_id = proposal.Id,
            rule_id = result.RuleId,
            filter = result.Filter,
            proof_passed = result.Passed,
            benign_fired_tuned = result.Proof.Benign.FiredTuned,
            true_positives = result.Proof.TruePositives.Events,
            true_positives_lost = result.Proof.TruePositives.Wrong.Count,
            regression_cases = result.Proof.Regression.Count,
            regression_failed = result.Proof.Regression.Count(r => !r.Passed),
        }), cancellationToken);
        await AppendTaskCreatedAsync(transaction, task, actor, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return LearnOutcome.Ok(proposal.Id);
    }

    public async Task<LearnOutcome> DecideAsync(string proposalId, bool accept, string reason, Actor actor, CancellationToken cancellationToken)
    {
        var proposal = await store.GetTuningProposalAsync(proposalId, cancellationToken);
        if (proposal is null)
        {
            return LearnOutcome.Missing(proposalId);
        }

        using var document = JsonDocument.Parse(proposal.Document);
        var proposer = document.RootElement.GetProperty("proposed_by").GetString();
        var passed = document.RootElement.GetProperty("result").GetProperty("proof").GetProperty("passed").GetBoolean();
        if (string.IsNullOrWhiteSpace(reason))
        {
            return LearnOutcome.Refused("a decision needs a reason");
        }

        if (actor.IsHuman && proposer == actor.ToString())
        {
            return LearnOutcome.Refused("the detection engineer who decides a tuning cannot be the one who proposed it");
        }

        if (accept && !passed)
        {
            return LearnOutcome.Refused("the tuning's replay proof failed; it cannot be accepted (propose a narrower one)");
        }

        var now = time.GetUtcNow();
        await using var transaction = await store.BeginAsync(cancellationToken);
        if (await transaction.GetCaseForUpdateAsync(proposal.CaseId, cancellationToken) is null)
        {
            return LearnOutcome.Missing(proposal.CaseId);
        }

        var status = accept ? TuningStatus.Accepted : TuningStatus.Rejected;
        if (!await transaction.DecideTuningProposalAsync(proposal.Id, status, actor.ToString(), now, cancellationToken))
        {
            return LearnOutcome.Refused($"proposal {proposal.Id} was already decided");
        }

        await transaction.AppendLedgerAsync(proposal.CaseId, accept ? EvidenceKinds.TuningAccepted : EvidenceKinds.TuningRejected, actor, now,
            LedgerPayload.From(new { proposal_id = proposal.Id, rule_id = proposal.RuleId, reason }), cancellationToken);
        foreach (var task in await store.ListLearningTasksAsync(proposal.CaseId, openOnly: true, cancellationToken))
        {
            if (task.RefId == proposal.Id && await transaction.GetLearningTaskForUpdateAsync(task.Id, cancellationToken) is { IsOpen: true } locked)
            {
                await CompleteAsync(transaction, locked, actor, now, cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return LearnOutcome.Ok(proposal.Id);
    }

    /// <summary>Records a scenario saved from a true positive (its SHA-256 and alert count) and the task that tracks it, done.</summary>
    public async Task<LearnOutcome> RecordScenarioAsync(string caseId, string name, string sha256, int alerts, Actor actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var transaction = await store.BeginAsync(cancellationToken);
        var found = await transaction.GetCaseForUpdateAsync(caseId, cancellationToken);
        if (found is null)
        {
            return LearnOutcome.Missing(caseId);
        }

        if (found.Classification != Classification.TruePositive)
        {
            return LearnOutcome.Refused($"case {caseId} is not closed as a true positive: scenarios are saved from true positives");
        }

        var task = NewTask(caseId, LearningTaskKind.SaveScenario, $"Replayable scenario '{name}' for playbook tests", actor.Id, now, TimeSpan.Zero, name);
        await transaction.InsertLearningTaskAsync(task, cancellationToken);
        await transaction.AppendLedgerAsync(caseId, EvidenceKinds.ScenarioSaved, actor, now, LedgerPayload.From(new { scenario = name, sha256, alerts }), cancellationToken);
        await AppendTaskCreatedAsync(transaction, task, actor, now, cancellationToken);
        await CompleteAsync(transaction, task, actor, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return LearnOutcome.Ok(task.Id);
    }

    public async Task<LearnOutcome> AddTaskAsync(string caseId, LearningTaskKind kind, string title, string? owner, TimeSpan due, Actor actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var transaction = await store.BeginAsync(cancellationToken);
        if (await transaction.GetCaseForUpdateAsync(caseId, cancellationToken) is null)
        {
            return LearnOutcome.Missing(caseId);
        }

        var task = NewTask(caseId, kind, title, owner, now, due, null);
        await transaction.InsertLearningTaskAsync(task, cancellationToken);
        await AppendTaskCreatedAsync(transaction, task, actor, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return LearnOutcome.Ok(task.Id);
    }

    public async Task<LearnOutcome> CompleteTaskAsync(string taskId, Actor actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var transaction = await store.BeginAsync(cancellationToken);
        var task = await transaction.GetLearningTaskForUpdateAsync(taskId, cancellationToken);
        if (task is null)
        {
            return LearnOutcome.Missing(taskId);
        }

        if (!task.IsOpen)
        {
            return LearnOutcome.Refused($"task {taskId} is already {task.Status.ToWire()}");
        }

        await transaction.GetCaseForUpdateAsync(task.CaseId, cancellationToken);
        await CompleteAsync(transaction, task, actor, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return LearnOutcome.Ok(taskId);
    }

    private async Task CompleteAsync(IStoreTransaction transaction, LearningTask task, Actor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await transaction.UpdateLearningTaskAsync(task with { Status = LearningTaskStatus.Done, DoneAt = now }, cancellationToken);
        var open = (await store.ListLearningTasksAsync(task.CaseId, openOnly: true, cancellationToken)).Count(t => t.Id != task.Id);
        await transaction.AppendLedgerAsync(task.CaseId, EvidenceKinds.TaskDone, actor, now, LedgerPayload.From(new { task_id = task.Id, kind = task.Kind.ToWire(), open_tasks_left = open }), cancellationToken);
    }

    private static Task AppendTaskCreatedAsync(IStoreTransaction transaction, LearningTask task, Actor actor, DateTimeOffset now, CancellationToken cancellationToken) =>
        transaction.AppendLedgerAsync(task.CaseId, EvidenceKinds.TaskCreated, actor, now,
            LedgerPayload.From(new { task_id = task.Id, kind = task.Kind.ToWire(), title = task.Title, owner = task.Owner, due_at = task.DueAt, ref_id = task.RefId }), cancellationToken);

    private static LearningTask NewTask(string caseId, LearningTaskKind kind, string title, string? owner, DateTimeOffset now, TimeSpan due, string? refId) => new()
    {
        Id = Ids.New(TaskPrefix, now),
        CaseId = caseId,
        Kind = kind,
        Title = title,
        Owner = owner,
        DueAt = now + due,
        Status = LearningTaskStatus.Open,
        CreatedAt = now,
        RefId = refId,
    };

    private static string EventOf(string raw)
    {
        try
        {
            using var document = JsonDocument.Parse(raw);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("event", out var inner) && inner.ValueKind == JsonValueKind.Object
                ? inner.GetRawText()
                : raw;
        }
        catch (JsonException)
        {
            return raw;
        }
    }
}
