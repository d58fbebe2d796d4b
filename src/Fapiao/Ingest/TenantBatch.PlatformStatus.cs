using Fapiao.Domain;
using Fapiao.Ledger.Events;
using Fapiao.Validation;

namespace Fapiao.Ingest;

internal sealed partial class TenantBatch
{
    /// <summary>
    /// What a tax-platform export says about an invoice's state, applied to the ledger: 作废 on a
    /// paper invoice appends a <c>voided</c> event; what the ledger cannot do from the row alone (an
    /// electronic invoice cannot be voided; a reversal needs its red-letter invoice) is reported as
    /// a warning on the item, for reconciliation to follow up. The platform's word never changes
    /// the invoice's content or its hash.
    /// </summary>
    private IngestResult ApplyPlatformStatus(WriteItem item, Entry entry, PlatformStatus status, IngestResult result)
    {
        var state = entry.Record.State;
        var warnings = new List<Problem>();
        switch (status)
        {
            case PlatformStatus.Voided when state == InvoiceState.Voided:
                break;
            case PlatformStatus.Voided when !(InvoiceType.TryParse(entry.Record.Type, out var type) && type.CanBeVoided):
                warnings.Add(Problem.Warning(ErrorCodes.VoidElectronic, "发票状态", $"The platform reports {entry.Record.Key} voided (作废), but an electronic invoice (type {entry.Record.Type}) cannot be voided, only reversed: nothing was recorded."));
                break;
            case PlatformStatus.Voided when state != InvoiceState.Normal:
                warnings.Add(Problem.Warning(ErrorCodes.PlatformStateDiffers, "发票状态", $"The platform reports {entry.Record.Key} voided (作废), but the ledger has it {state.ToText()}: nothing was recorded."));
                break;
            case PlatformStatus.Voided:
                Append(new LedgerEvent
                {
                    Kind = EventKinds.Voided,
                    Tenant = tenant,
                    Key = entry.Record.Key,
                    At = now,
                    Actor = item.Actor,
                    Source = item.Submission.Source,
                    Original = item.Submission.Original,
                    Reason = "作废 in a tax-platform export",
                }, entry, null);
                break;
            case PlatformStatus.Reversed or PlatformStatus.PartiallyReversed when state is InvoiceState.Normal or InvoiceState.Voided:
            case PlatformStatus.Normal when state is not InvoiceState.Normal:
                warnings.Add(Problem.Warning(ErrorCodes.PlatformStateDiffers, "发票状态", $"The platform reports {entry.Record.Key} {Describe(status)}, the ledger has it {state.ToText()}: reconcile (a red-letter invoice may be missing on one side)."));
                break;
        }

        return warnings.Count == 0 ? result : result with { Problems = [.. result.Problems, .. warnings] };
    }

    private static string Describe(PlatformStatus status) => status switch
    {
        PlatformStatus.Normal => "normal (正常)",
        PlatformStatus.Reversed => "reversed (红冲)",
        PlatformStatus.PartiallyReversed => "partly reversed (部分红冲)",
        _ => status.ToString(),
    };
}
