using System.Buffers;
using System.Text.Json;
using Fapiao.Domain;
using Fapiao.Formats.Json;
using Fapiao.Storage.Specification.Support;

namespace Fapiao.Storage.Specification;

public abstract partial class LedgerStoreSpecification<TProvider>
{
    [SkippableFact]
    public async Task InvoiceHistory_IsTheRowAndEveryEventOfTheKeyInLogOrder()
    {
        await IngestQrAsync($"01,31,,{Invoices.ShudianNumber},1060.00,20241120,,B2B6");
        await IngestAsync(Invoices.Shudian("24112000000000000001"));
        await IngestAsync(Invoices.Shudian());
        await IngestAsync(Invoices.Red(RedOne, Invoices.ShudianNumber, "-400.00", "-24.00"));

        var history = (await Store.GetInvoiceHistoryAsync(Tenant, Invoices.ShudianNumber, CancellationToken.None)).ShouldNotBeNull();

        var record = await RecordAsync(Invoices.ShudianNumber);
        history.Record.Warnings.ShouldBe(record.Warnings);
        (history.Record with { Warnings = record.Warnings }).ShouldBe(record);
        var events = new List<StoredEvent>();
        await foreach (var e in Store.ReadEventsForKeyAsync(Tenant, Invoices.ShudianNumber, CancellationToken.None))
        {
            events.Add(e);
        }

        events.Count.ShouldBeGreaterThan(1);
        history.Events.Select(e => (e.Index, e.Kind, e.Key, e.At, Convert.ToHexString(e.Bytes), Convert.ToHexString(e.LeafHash)))
            .ShouldBe(events.Select(e => (e.Index, e.Kind, e.Key, e.At, Convert.ToHexString(e.Bytes), Convert.ToHexString(e.LeafHash))));
        history.Events.Select(e => e.Index).ShouldBeInOrder();
    }

    [SkippableFact]
    public async Task InvoiceHistory_OfAnUnknownKeyOrAnotherTenantsKey_IsNull()
    {
        await Store.CreateTenantAsync("other", Clock.Now, CancellationToken.None);
        await IngestAsync("other", Invoices.Shudian());

        (await Store.GetInvoiceHistoryAsync(Tenant, Invoices.ShudianNumber, CancellationToken.None)).ShouldBeNull();
        (await Store.GetInvoiceHistoryAsync(Tenant, "24119999999999999999", CancellationToken.None)).ShouldBeNull();
        (await Ledger.ShowAsync(Tenant, InvoiceKey.Parse(Invoices.ShudianNumber), CancellationToken.None)).ShouldBeNull();
    }

    [SkippableFact]
    public async Task Show_WritesTheStoredInvoiceBytes_TheSameJsonAsTheDecodedInvoice()
    {
        await IngestQrAsync($"01,31,,{Invoices.ShudianNumber},1060.00,20241120,,B2B6");
        await IngestAsync(Invoices.Shudian());

        var view = (await Ledger.ShowAsync(Tenant, InvoiceKey.Parse(Invoices.ShudianNumber), CancellationToken.None)).ShouldNotBeNull();

        var shown = Json(w => LedgerJson.WriteInvoiceView(w, view));
        var decoded = Json(w => CanonicalInvoiceJson.Write(w, view.Invoice));
        using var document = JsonDocument.Parse(shown);
        document.RootElement.GetProperty("invoice").GetRawText().ShouldBe(decoded);
        view.Invoice.Key.ToString().ShouldBe(Invoices.ShudianNumber);
        view.Invoice.Lines.ShouldNotBeNull().ShouldNotBeEmpty();
        document.RootElement.GetProperty("events").GetArrayLength().ShouldBe(view.Events.Count);
    }

    private static string Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, CanonicalInvoiceJson.WriterOptions))
        {
            write(w);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
