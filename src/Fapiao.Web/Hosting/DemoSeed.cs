using Fapiao.Accounts;
using Fapiao.Demo;
using Fapiao.Formats.Json;
using Fapiao.Ingest;
using Fapiao.Ingest.Inputs;

namespace Fapiao.Web.Hosting;

/// <summary>
/// <c>fapiao serve --demo</c>: a tenant "demo" with generated invoices (and one broken item, so the
/// quarantine is not empty) the first time, and a user "demo" (admin) whose password is new on
/// every start and printed, so that a try-out needs no setup.
/// </summary>
internal static class DemoSeed
{
    public const string Tenant = "demo";
    public const string User = "demo";
    public const int Invoices = 300;

    /// <summary>Seeds the demo tenant where needed; returns the demo user's new password.</summary>
    public static async Task<string> RunAsync(InvoiceLedger ledger, AccountService accounts, TimeProvider clock, CancellationToken ct)
    {
        await accounts.CreateTenantAsync(Tenant, ct).ConfigureAwait(false);
        if ((await ledger.Store.GetHeadAsync(Tenant, ct).ConfigureAwait(false)).Size == 0)
        {
            var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
            var reader = new SubmissionReader(ledger.Validator);
            var submissions = new DemoInvoices(seed: 20241120, today).Generate(Invoices)
                .Select((invoice, i) => reader.FromJson($"demo:{i + 1}", CanonicalInvoiceJson.ToBytes(invoice)))
                .Append(reader.FromJson($"demo:{Invoices + 1}", """{"number":"12345","type":"99","issueDate":"2024-02-30","amount":"1.234"}"""u8.ToArray()));
            await new IngestRunner(ledger).RunAsync(Tenant, "system:demo", submissions, wantReceipts: false, null, ct).ConfigureAwait(false);
        }

        var password = Passwords.Random();
        await accounts.SaveUserAsync(User, Tenant, Role.Admin, password, replace: true, ct).ConfigureAwait(false);
        return password;
    }
}
