using System.Globalization;
using Fapiao.Domain;
using Fapiao.Reconciliation;
using Fapiao.Storage;

namespace Fapiao.Tracing;

/// <summary>
/// "Where is my invoice?": looks for a key in the log (found: state, history, receipt), in the
/// quarantine (refused or in conflict: why, when, from which source), in the reconciliation runs
/// (in the other system only, or here only, or differing) and among near misses (keys one typing
/// mistake away in the ledger or quarantine; the same seller, date and total under another key),
/// and answers with every explanation that applies, the most likely first, each with its next step
/// and the evidence it cites. Reads only.
/// </summary>
internal sealed class TraceService(ILedgerStore store)
{
    public async Task<TraceAnswer> TraceAsync(string tenant, TraceQuery query, CancellationToken ct)
    {
        var key = query.Key.Trim().ToUpperInvariant();
        var explanations = new List<TraceExplanation>();
        var record = await store.GetInvoiceAsync(tenant, key, ct).ConfigureAwait(false);
        if (record is not null)
        {
            explanations.Add(await InLedgerAsync(tenant, record, ct).ConfigureAwait(false));
        }

        var quarantine = new List<QuarantineItem>();
        var nearInQuarantine = new List<(QuarantineItem Item, string Reason, string Detail)>();
        // Through the quarantine's key index: the key itself, the keys one typing mistake away (when the
        // key is not in the ledger), and the items without a key whose bytes mention it.
        var asked = new HashSet<string>(StringComparer.Ordinal) { key };
        if (record is null)
        {
            asked.UnionWith(KeyTypos.Variants(key).Select(v => v.Key));
        }

        await foreach (var item in store.ListQuarantineByKeysAsync(tenant, asked, keyless: true, ct).ConfigureAwait(false))
        {
            if (item.Key == key || (item.Key is null && Mentions(item.Raw, key)))
            {
                quarantine.Add(item);
            }
            else if (record is null && item.Key is { } other && KeyTypos.Relate(key, other) is { } typo)
            {
                nearInQuarantine.Add((item, typo.Reason, typo.Detail));
            }
        }

        explanations.AddRange(Quarantined(key, quarantine, TraceCauses.Conflict, "conflict"));
        explanations.AddRange(Quarantined(key, quarantine, TraceCauses.Rejected, "rejected"));
        var (open, closed) = await ReconciledAsync(tenant, key, ct).ConfigureAwait(false);
        if (record is null)
        {
            // A near key that a reconciliation found in the ledger only, while this key was in the other system only, is
            // the same invoice typed two ways: that beats "never submitted". A near key alone may be a neighbouring invoice.
            var total = query.Total ?? await KnownTotalAsync(tenant, key, ct).ConfigureAwait(false);
            var (corroborated, plain) = await MistypedAsync(tenant, key, total, nearInQuarantine, ct).ConfigureAwait(false);
            explanations.AddRange(corroborated);
            explanations.AddRange(open);
            explanations.AddRange(plain);
            explanations.AddRange(await SameInvoiceAsync(tenant, key, query, ct).ConfigureAwait(false));
        }
        else
        {
            explanations.AddRange(open);
        }

        explanations.AddRange(closed);

        if (explanations.Count == 0)
        {
            explanations.Add(new TraceExplanation(
                TraceCauses.NoTrace,
                $"{key} was never submitted to this ledger: it is not in the log, not in quarantine, in no reconciliation, and no key one typing mistake away is here.",
                "Ask the sender for the invoice file (XML, OFD, PDF) or check the key on the invoice, then ingest it: fapiao ingest FILE.",
                [new TraceEvidence("ledger", "searched: log, quarantine, reconciliation runs, near keys", null, null, "nothing found")]));
        }

        return new TraceAnswer(key, record is not null, explanations);
    }

    /// <summary>
    /// An item refused before its key could be taken (invalid content) keeps no key, only its bytes:
    /// they name the key when they hold its number (and, for a legacy key, its code).
    /// </summary>
    private static bool Mentions(byte[] raw, string key)
    {
        var hyphen = key.IndexOf('-', StringComparison.Ordinal);
        var number = System.Text.Encoding.UTF8.GetBytes(hyphen < 0 ? key : key[(hyphen + 1)..]);
        return raw.AsSpan().IndexOf(number) >= 0
            && (hyphen < 0 || raw.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(key[..hyphen])) >= 0);
    }

    private async Task<TraceExplanation> InLedgerAsync(string tenant, InvoiceRecord record, CancellationToken ct)
    {
        var evidence = new List<TraceEvidence>();
        await foreach (var e in store.ReadEventsForKeyAsync(tenant, record.Key, ct).ConfigureAwait(false))
        {
            var decoded = Ledger.Events.EventCodec.Decode(e.Bytes, null);
            evidence.Add(new TraceEvidence("event", "event " + e.Index.ToString(CultureInfo.InvariantCulture), decoded.Source, e.At, $"{e.Kind} by {decoded.Actor}") { Original = decoded.Original?.ToString() });
        }

        return new TraceExplanation(
            TraceCauses.InLedger,
            $"{record.Key} is in the ledger: state {record.State.ToText()}, issued {RecordComparer.Date(record.IssueDate)}, total {(record.Total is { } t ? RecordComparer.MoneyText(t) : "not stated")}; {evidence.Count} event(s).",
            $"Prove it with a receipt: fapiao receipt {record.Key}; see it whole: fapiao show {record.Key}.",
            evidence);
    }

    private static IEnumerable<TraceExplanation> Quarantined(string key, List<QuarantineItem> items, string cause, string outcome)
    {
        var matching = items.Where(i => i.Outcome == outcome).ToList();
        if (matching.Count == 0)
        {
            yield break;
        }

        var evidence = matching.Select(i => new TraceEvidence(
            "quarantine",
            "quarantine " + i.Id.ToString(CultureInfo.InvariantCulture),
            i.Source,
            i.At,
            string.Join("; ", i.Problems.Where(p => p.IsError).Select(p => $"{p.Code} at {p.Field}: {p.Message}")))
        {
            Original = i.Original?.ToString(),
        }).ToList();
        var first = matching[0];
        yield return cause == TraceCauses.Conflict
            ? new TraceExplanation(cause,
                $"{key} was submitted from {first.Source} with content that differs from the invoice the ledger already holds under that key; the submission is kept in quarantine as a conflict.",
                $"Compare the two: fapiao quarantine show {first.Id} and fapiao show {key}; ask the issuer which is right (a red-letter invoice corrects an issued one).",
                evidence)
            : new TraceExplanation(cause,
                $"{key} was submitted from {first.Source} and refused: {string.Join(", ", first.Problems.Where(p => p.IsError).Select(p => p.Code).Distinct())}.",
                $"See why: fapiao quarantine show {first.Id}; fix the file (or get a correct one from the sender) and ingest it again.",
                evidence);
    }

    private async Task<(List<TraceExplanation> Open, List<TraceExplanation> Closed)> ReconciledAsync(string tenant, string key, CancellationToken ct)
    {
        var found = new List<TraceExplanation>();
        var closed = new List<TraceExplanation>();
        if (store is not IReconciliationStore runs)
        {
            return (found, closed);
        }

        await foreach (var d in runs.ListDifferencesAsync(tenant, key, openOnly: false, ct).ConfigureAwait(false))
        {
            var run = await runs.GetReconciliationAsync(tenant, d.OpenedRun, ct).ConfigureAwait(false);
            var state = d.IsOpen ? $"open since run {d.OpenedRun}, last seen in run {d.LastSeenRun}" : $"closed by run {d.ClosedRun}";
            var evidence = new List<TraceEvidence> { new("reconciliation", $"reconciliation run {d.OpenedRun} ({state})", run?.RightName, run?.At, d.Detail) };
            if (!d.IsOpen)
            {
                closed.Add(new TraceExplanation(d.Class == DifferenceClasses.MissingInLedger ? TraceCauses.NotSubmitted : d.Class == DifferenceClasses.MissingInOther ? TraceCauses.NotInOther : TraceCauses.Differs,
                    $"A reconciliation once found {key} {d.Class}, and a later run no longer did (run {d.ClosedRun}).",
                    "Nothing to do unless it comes back: fapiao reconcile history.",
                    evidence));
                continue;
            }

            found.Add(d.Class switch
            {
                DifferenceClasses.MissingInLedger => new TraceExplanation(TraceCauses.NotSubmitted,
                    $"{key} is in the other system's export ({run?.RightName}) but was never submitted here: {d.Detail}.",
                    "Get the invoice file from the issuer or the platform and ingest it (fapiao ingest FILE), or ingest the export row itself; then reconcile again.",
                    evidence),
                DifferenceClasses.MissingInOther => new TraceExplanation(TraceCauses.NotInOther,
                    $"{key} is in the ledger but not in the other system's export ({run?.RightName}): {d.Detail}.",
                    "Check with the other system (a later export, another period, a typing mistake on their side); reconcile again with its next export.",
                    evidence),
                DifferenceClasses.Mismatched => new TraceExplanation(TraceCauses.Differs,
                    $"{key} is on both sides but they disagree: {d.Detail}.",
                    "Find which side is right from the invoice file; a voided or red-reversed invoice on the platform needs its 作废 or red-letter invoice ingested here.",
                    evidence),
                _ => new TraceExplanation(TraceCauses.Differs,
                    $"{key} appears more than once in one side: {d.Detail}.",
                    "Remove the duplicate row from the export (or ask the other system why it lists it twice).",
                    evidence),
            });
        }

        return (found, closed);
    }

    /// <summary>The total the other system gave for the key, when a reconciliation kept it.</summary>
    private async Task<decimal?> KnownTotalAsync(string tenant, string key, CancellationToken ct) =>
        store is IReconciliationStore runs
            ? (await runs.ListDifferencesAsync(tenant, key, openOnly: false, ct).FirstOrDefaultAsync(d => d.Total is not null, ct).ConfigureAwait(false))?.Total
            : null;

    /// <summary>
    /// Near keys in the ledger and quarantine. Sequential invoices are one digit apart all the
    /// time: a near key whose total differs from the one known for the asked key is another
    /// invoice, and is left out.
    /// </summary>
    private async Task<(List<TraceExplanation> Corroborated, List<TraceExplanation> Plain)> MistypedAsync(string tenant, string key, decimal? total, List<(QuarantineItem Item, string Reason, string Detail)> inQuarantine, CancellationToken ct)
    {
        var corroborated = new List<TraceExplanation>();
        var found = new List<TraceExplanation>();
        foreach (var (variant, reason, detail) in KeyTypos.Variants(key))
        {
            if (await store.GetInvoiceAsync(tenant, variant, ct).ConfigureAwait(false) is not { } near
                || (total is { } wanted && near.Total is { } nearTotal && wanted != nearTotal))
            {
                continue;
            }

            var evidence = new List<TraceEvidence> { new("ledger", "invoice " + near.Key, null, null, $"{reason}: {detail}") };
            var onlyHere = store is IReconciliationStore runs
                ? await runs.ListDifferencesAsync(tenant, near.Key, openOnly: true, ct).FirstOrDefaultAsync(d => d.Class == DifferenceClasses.MissingInOther, ct).ConfigureAwait(false)
                : null;
            if (onlyHere is not null)
            {
                evidence.Add(new TraceEvidence("reconciliation", $"reconciliation run {onlyHere.LastSeenRun}", null, null, $"{near.Key} {onlyHere.Detail}"));
            }

            (onlyHere is null ? found : corroborated).Add(new TraceExplanation(TraceCauses.Mistyped,
                $"{key} is not here, but {near.Key} is ({reason}: {detail}); issued {RecordComparer.Date(near.IssueDate)}, total {(near.Total is { } t ? RecordComparer.MoneyText(t) : "not stated")}"
                + (onlyHere is null ? "." : $", and the other system does not know {near.Key}: the same invoice was probably typed two ways."),
                $"Check the key on the invoice against {near.Key}: fapiao show {near.Key}.",
                evidence));
        }

        foreach (var (item, reason, detail) in inQuarantine)
        {
            found.Add(new TraceExplanation(TraceCauses.Mistyped,
                $"{key} is not here, but {item.Key} was submitted from {item.Source} and is in quarantine ({item.Outcome}; {reason}: {detail}).",
                $"Check the key on the invoice against {item.Key}: fapiao quarantine show {item.Id}.",
                [new TraceEvidence("quarantine", "quarantine " + item.Id.ToString(CultureInfo.InvariantCulture), item.Source, item.At, $"{reason}: {detail}") { Original = item.Original?.ToString() }]));
        }

        return (corroborated, found);
    }

    /// <summary>With a date and a seller or total, the ledger's invoices of that day that agree are probably the same invoice under another key.</summary>
    private async Task<List<TraceExplanation>> SameInvoiceAsync(string tenant, string key, TraceQuery query, CancellationToken ct)
    {
        var found = new List<TraceExplanation>();
        if (query.Date is not { } date || (query.SellerTaxId is null && query.Total is null))
        {
            return found;
        }

        var seller = query.SellerTaxId?.Trim().ToUpperInvariant();
        await foreach (var r in store.QueryInvoicesAsync(tenant, new InvoiceQuery(Seller: seller, From: date, To: date), ct).ConfigureAwait(false))
        {
            if (r.Key != key && (query.Total is null || r.Total == query.Total))
            {
                found.Add(new TraceExplanation(TraceCauses.SameInvoiceOtherKey,
                    $"{key} is not here, but {r.Key} has the same {(seller is null ? "" : "seller, ")}issue date {RecordComparer.Date(date)}{(query.Total is null ? "" : " and total " + RecordComparer.MoneyText(query.Total.Value))}.",
                    $"It is probably the same invoice under another key: compare fapiao show {r.Key} with the invoice.",
                    [new TraceEvidence("ledger", "invoice " + r.Key, null, null, $"seller {r.SellerTaxId}, issued {RecordComparer.Date(r.IssueDate)}, total {(r.Total is { } t ? RecordComparer.MoneyText(t) : "-")}")]));
            }
        }

        return found;
    }
}
