namespace Fapiao.Reconciliation;

/// <summary>A side's rows in key order, one at a time, and the rows read again in full when they are reported.</summary>
internal interface IRowCursor : IDisposable
{
    ReconRow Current { get; }

    ValueTask<bool> MoveNextAsync();

    /// <summary>The row in full; only for rows of the key being classified (the current group, and the row after it).</summary>
    ReconRecord Materialize(in ReconRow row);

    /// <summary>The groups before the current row are done with: what was kept for them may go.</summary>
    void Release();
}
