namespace Fapiao.Reconciliation;

/// <summary>Where a side's reader puts what it reads: compact rows, rows whose key does not pack, and rows with no key.</summary>
internal interface IReconSink
{
    void Row(in ReconRow row);

    /// <summary>A row whose key does not pack (<see cref="ReconKey"/>): it goes the general way.</summary>
    void Unpacked(ReconRecord record);

    void Unreadable(UnreadableRow row);
}
