using System.CommandLine;
using Fapiao.Accounts;
using Fapiao.Cli.Output;
using Fapiao.Ledger.Signing;
using Fapiao.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Fapiao.Cli.Commands;

/// <summary>
/// <c>fapiao serve [--urls URL] [--demo]</c>: the HTTP API and web UI on the same store and use
/// cases as the other commands. <c>--demo</c> sets up a ledger in the data folder (default
/// ./fapiao-data) with a demo tenant, invoices and a user whose login it prints.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen (default http://127.0.0.1:8080; several separated by ';')", DefaultValueFactory = _ => "http://127.0.0.1:8080" };
        var demo = new Option<bool>("--demo") { Description = "Create the ledger if needed, with a demo tenant, invoices and a user; print the login" };
        var maxBody = new Option<long>("--max-body") { Description = "Largest request body in bytes (larger: 413)", DefaultValueFactory = _ => 8L << 20 };
        var rateLimit = new Option<int>("--rate-limit") { Description = "API requests per second per tenant (over it: 429); 0 for none", DefaultValueFactory = _ => 500 };
        var rateBurst = new Option<int>("--rate-burst") { Description = "Requests a tenant may make at once above the rate", DefaultValueFactory = _ => 1000 };
        var command = new Command("serve", "Run the HTTP API and the web UI") { urls, demo, maxBody, rateLimit, rateBurst };
        command.SetAction(async (parse, ct) =>
        {
            var dataDir = parse.GetValue(GlobalOptions.Data)!;
            if (parse.GetValue(demo))
            {
                Directory.CreateDirectory(dataDir);
                SigningKeyFile.EnsureCreated(Path.Combine(dataDir, CliContext.KeysFolder));
                await using var init = LedgerDatabase.From(parse).OpenStores();
                await init.Ledger.InitializeAsync(ct).ConfigureAwait(false);
            }

            if (!File.Exists(Path.Combine(dataDir, CliContext.KeysFolder, SigningKeyFile.PrivateName)))
            {
                throw new CliException(ExitCodes.Usage, $"There is no signing key in {dataDir}. Create the ledger with: fapiao init --data {dataDir} (or try: fapiao serve --demo)");
            }

            await using var stores = await CliContext.OpenStoresAsync(parse, ct).ConfigureAwait(false);
            using var signer = SigningKeyFile.Load(Path.Combine(dataDir, CliContext.KeysFolder));
            var options = new WebOptions
            {
                Stores = stores,
                Signer = signer,
                DataDir = dataDir,
                Urls = parse.GetValue(urls)!,
                MaxBodyBytes = parse.GetValue(maxBody),
                RateLimitPerSecond = parse.GetValue(rateLimit),
                RateLimitBurst = parse.GetValue(rateBurst),
            };
            await using var app = WebHost.Build(options);
            string? password = null;
            if (parse.GetValue(demo))
            {
                password = await DemoSeed.RunAsync(app.Services.GetRequiredService<InvoiceLedger>(), app.Services.GetRequiredService<AccountService>(), TimeProvider.System, ct).ConfigureAwait(false);
            }

            await app.StartAsync(ct).ConfigureAwait(false);
            var address = app.Addresses().FirstOrDefault() ?? options.Urls;
            Console.Error.WriteLine($"fapiao: serving {LedgerDatabase.From(parse)} at {string.Join(", ", app.Addresses())}");
            if (password is not null)
            {
                Human.Line($"Demo: open {address}/ and sign in as \"{DemoSeed.User}\" with the password {password}", "green");
                Human.Line($"API: fapiao apikey create --data {dataDir} --tenant {DemoSeed.Tenant} --role clerk, then: curl -H 'Authorization: Bearer KEY' {address}/api/v1/invoices");
            }

            await app.WaitForShutdownAsync(ct).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }
}
