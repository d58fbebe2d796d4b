using Fapiao.Domain;
using Fapiao.Storage;

namespace Fapiao.Accounts;

/// <summary>The dashboard's aggregates, in the caller's tenant only.</summary>
internal sealed partial class LedgerService
{
    /// <summary>How many days the by-day series covers, ending at the latest issue date in the ledger.</summary>
    public const int DashboardDays = 30;

    /// <summary>
    /// Invoices by state and by issue date (the <see cref="DashboardDays"/> days up to the latest
    /// issue date), and, when the role may see the quarantine, quarantined submissions by error code
    /// (an item with several problems of one code counts once for it). Reads every invoice row and
    /// quarantine item of the tenant: linear in their number.
    /// </summary>
    public async Task<DashboardView> DashboardAsync(Caller caller, CancellationToken ct)
    {
        Require(caller, Permission.Read);
        var byState = Enum.GetValues<InvoiceState>().ToDictionary(s => s, _ => 0L);
        var byDate = new Dictionary<DateOnly, long>();
        long total = 0;
        await foreach (var record in ledger.Store.QueryInvoicesAsync(caller.Tenant, new InvoiceQuery(), ct).ConfigureAwait(false))
        {
            total++;
            byState[record.State]++;
            byDate[record.IssueDate] = byDate.GetValueOrDefault(record.IssueDate) + 1;
        }

        var byDay = new List<DayCount>();
        if (byDate.Count > 0)
        {
            var last = byDate.Keys.Max();
            for (var day = last.AddDays(1 - DashboardDays); day <= last; day = day.AddDays(1))
            {
                byDay.Add(new DayCount(day, byDate.GetValueOrDefault(day)));
            }
        }

        IReadOnlyList<CodeCount>? byCode = null;
        long quarantined = 0;
        if (caller.Can(Permission.ReadQuarantine))
        {
            var codes = new Dictionary<string, long>(StringComparer.Ordinal);
            await foreach (var item in ledger.Store.ListQuarantineAsync(caller.Tenant, ct).ConfigureAwait(false))
            {
                quarantined++;
                foreach (var code in item.Problems.Where(p => p.IsError).Select(p => p.Code).Distinct(StringComparer.Ordinal))
                {
                    codes[code] = codes.GetValueOrDefault(code) + 1;
                }
            }

            byCode = codes.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => new CodeCount(c.Key, c.Value)).ToList();
        }

        return new DashboardView(total, Enum.GetValues<InvoiceState>().Select(s => new StateCount(s, byState[s])).ToList(), byDay, quarantined, byCode);
    }

    /// <summary>The quarantined submissions that named this invoice key (newest last), without their bytes.</summary>
    public async Task<IReadOnlyList<QuarantineItem>> QuarantineForKeyAsync(Caller caller, string key, int limit, CancellationToken ct)
    {
        Require(caller, Permission.ReadQuarantine);
        var found = new List<QuarantineItem>();
        await foreach (var item in ledger.Store.ListQuarantineAsync(caller.Tenant, ct).ConfigureAwait(false))
        {
            if (item.Key == key)
            {
                found.Add(item with { Raw = [] });
                if (found.Count == limit)
                {
                    break;
                }
            }
        }

        return found;
    }
}

/// <summary>The dashboard's figures; <see cref="QuarantineByCode"/> is null when the role may not see the quarantine.</summary>
internal sealed record DashboardView(
    long Invoices,
    IReadOnlyList<StateCount> ByState,
    IReadOnlyList<DayCount> ByDay,
    long Quarantined,
    IReadOnlyList<CodeCount>? QuarantineByCode);

internal sealed record StateCount(InvoiceState State, long Count);

internal sealed record DayCount(DateOnly Day, long Count);

internal sealed record CodeCount(string Code, long Count);
