using Fapiao.Ledger.Events;
using Fapiao.Storage;
using Fapiao.Validation;

namespace Fapiao.Ingest;

internal sealed partial class TenantBatch
{
    /// <summary>
    /// A corrected resubmission of a quarantined item: once the ledger holds its invoice (accepted,
    /// enriched or already there), a <c>quarantineResolved</c> event on that invoice names the item,
    /// and the item shows it as resolved. A resubmission the ledger refused leaves the item open
    /// (its own problems are in its own new quarantined item). An unknown or already resolved item
    /// is a warning: nothing is linked twice.
    /// </summary>
    private async Task<IngestResult> ResolveAsync(WriteItem item, long quarantineId, IngestResult result, CancellationToken ct)
    {
        if (result.Key is not { } key || result.Outcome is not (IngestOutcome.Accepted or IngestOutcome.Enriched or IngestOutcome.Duplicate))
        {
            return result;
        }

        if (quarantineId < 1 || quarantineId >= write.Head.NextQuarantineId)
        {
            return result with { Problems = [.. result.Problems, Problem.Warning(ErrorCodes.QuarantineUnknown, "quarantine", $"There is no quarantined item {quarantineId}: nothing was linked.")] };
        }

        var earlier = resolutions.GetValueOrDefault(quarantineId) ?? await tx.GetResolutionAsync(quarantineId, ct).ConfigureAwait(false);
        if (earlier is not null)
        {
            return result with { Problems = [.. result.Problems, Problem.Warning(ErrorCodes.QuarantineResolved, "quarantine", $"Quarantined item {quarantineId} was resolved already (event {earlier.EventIndex}, {earlier.Key}): nothing was linked again.")] };
        }

        var index = Append(new LedgerEvent
        {
            Kind = EventKinds.QuarantineResolved,
            Tenant = tenant,
            Key = key,
            At = now,
            Actor = item.Actor,
            Source = item.Submission.Source,
            Original = item.Submission.Original,
            Quarantine = quarantineId,
        }, entries[key], null);
        resolutions[quarantineId] = new QuarantineResolution(quarantineId, index, key, now);
        return result;
    }
}
