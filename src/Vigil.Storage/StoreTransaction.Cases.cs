using System.Data.Common;
using Vigil.Domain.Cases;
using Vigil.Storage.Sql;

namespace Vigil.Storage;

internal sealed partial class StoreTransaction
{
    public async Task InsertCaseAsync(Case @case, CancellationToken cancellationToken)
    {
        var command = await PreparedAsync(HotStatements.InsertCase, cancellationToken);
        SetCase(command, @case);
        await command.ExecuteNonQueryAsync(cancellationToken);
        _newCases.Add(@case.Id);
    }

    public async Task<Case?> GetCaseForUpdateAsync(string id, CancellationToken cancellationToken)
    {
        var command = await PreparedAsync(HotStatements.SelectCaseForUpdateOn(engine.ForUpdate), cancellationToken);
        command.Set(0, id);
        return await Query.FirstAsync(command, engine, Rows.Case, cancellationToken);
    }

    public async Task<bool> UpdateCaseAsync(Case @case, long expectedVersion, CancellationToken cancellationToken)
    {
        var command = await PreparedAsync(HotStatements.UpdateCase, cancellationToken);
        SetCase(command, @case);
        command.Set(17, expectedVersion);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<IReadOnlyList<CaseAlertLink>> GetCaseAlertLinksAsync(string caseId, CancellationToken cancellationToken)
    {
        await using var command = Command(StoreSql.SelectLinks).Add("@case_id", caseId);
        return await Query.ListAsync(command, engine, Rows.Link, cancellationToken);
    }

    public async Task InsertNoteAsync(CaseNote note, CancellationToken cancellationToken)
    {
        await using var command = Command($"INSERT INTO {VigilTables.Notes} ({Columns.Note}) VALUES (@id, @case_id, @author, @text, @at)")
            .Add("@id", note.Id)
            .Add("@case_id", note.CaseId)
            .Add("@author", note.Author)
            .Add("@text", note.Text)
            .Add("@at", engine.ToDb(note.At));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private void SetCase(DbCommand command, Case @case)
    {
        command.Set(0, @case.Id);
        command.Set(1, @case.Title);
        command.Set(2, @case.State.ToWire());
        command.Set(3, (int)@case.Severity);
        command.Set(4, (int)@case.SeverityAtOpen);
        command.Set(5, @case.Owner);
        command.Set(6, engine.ToDb(@case.OpenedAt));
        command.Set(7, engine.ToDb(@case.UpdatedAt));
        command.Set(8, engine.ToDb(@case.SlaDueAt));
        command.Set(9, engine.ToDbOrNull(@case.ClosedAt));
        command.Set(10, @case.Classification?.ToWire());
        command.Set(11, @case.ClosureNote);
        command.Set(12, @case.RootCause);
        command.Set(13, @case.StateBeforeClose?.ToWire());
        command.Set(14, @case.MergedInto);
        command.Set(15, @case.AlertCount);
        command.Set(16, @case.Version);
    }
}
