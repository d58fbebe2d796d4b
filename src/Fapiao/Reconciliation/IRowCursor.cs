namespace Fapiao.Reconciliation;

/// <summary>A side's rows in key order, one at a time, and the rows read again in full when they are reported.</summary>
internal interface IRowCursor : IDisposable
{
    ReconRow Current { get; }

    ValueTask<bool> MoveNextAsync();

    /// <summary>The row in full, read again from where it is kept.</summary>
    ReconRecord Materialize(in ReconRow row);
}
