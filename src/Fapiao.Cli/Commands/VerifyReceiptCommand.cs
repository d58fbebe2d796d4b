using System.CommandLine;
using System.Security.Cryptography;
using Fapiao.Cli.Output;
using Fapiao.Formats.Json;
using Fapiao.Ledger.Signing;
using Fapiao.Ledger.Verification;
using Fapiao.Validation;

namespace Fapiao.Cli.Commands;

/// <summary><c>fapiao verify-receipt FILE [--key PEM]</c>: offline; needs no data folder, only the receipt and the public key.</summary>
internal static class VerifyReceiptCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "A receipt (JSON), or '-' for standard input" };
        var key = new Option<string?>("--key") { Description = "The ledger's public key (PEM file); without it the signature is not checked" };
        var command = new Command("verify-receipt", "Check a receipt offline: event, leaf, inclusion proof, checkpoint and signature") { file, key };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            if (path != "-" && !File.Exists(path))
            {
                throw new CliException(ExitCodes.Usage, $"No such file: {path}");
            }

            var bytes = path == "-" ? ReadStdin() : File.ReadAllBytes(path);
            using var publicKey = parse.GetValue(key) is { } pemPath ? LoadKey(pemPath) : null;
            ReceiptVerifier.Result result;
            try
            {
                result = ReceiptVerifier.Verify(ReceiptJson.Read(bytes), publicKey, new InvoiceValidator(TimeProvider.System));
            }
            catch (FormatException ex)
            {
                result = new ReceiptVerifier.Result(false, false, [ex.Message]);
            }

            if (parse.GetValue(GlobalOptions.Json))
            {
                JsonOut.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteBoolean("ok", result.Ok);
                    w.WriteBoolean("signatureChecked", result.SignatureChecked);
                    w.WriteStartArray("failures");
                    foreach (var failure in result.Failures)
                    {
                        w.WriteStringValue(failure);
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                });
            }
            else if (result.Ok)
            {
                Human.Line(result.SignatureChecked ? "receipt verified, signature included" : "receipt verified (signature NOT checked: pass --key PEM)", "green");
            }
            else
            {
                foreach (var failure in result.Failures)
                {
                    Human.Line("receipt FAILED: " + failure, "red");
                }
            }

            return result.Ok ? ExitCodes.Ok : ExitCodes.VerificationFailed;
        });
        return command;
    }

    private static ECDsa LoadKey(string path)
    {
        try
        {
            return SigningKeyFile.LoadPublic(File.ReadAllText(path));
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or CryptographicException)
        {
            throw new CliException(ExitCodes.Usage, $"Cannot read a PEM public key from {path}: {ex.Message}");
        }
    }

    private static byte[] ReadStdin()
    {
        using var stdin = Console.OpenStandardInput();
        using var memory = new MemoryStream();
        stdin.CopyTo(memory);
        return memory.ToArray();
    }
}
