using System.CommandLine;
using Fapiao.Ledger.Signing;

namespace Fapiao.Cli.Commands;

/// <summary><c>fapiao key public</c>: the PEM public key that checkpoints verify with.</summary>
internal static class KeyCommand
{
    public static Command Create()
    {
        var publicKey = new Command("public", "Print the ledger's public key (PEM, SubjectPublicKeyInfo)");
        publicKey.SetAction(parse =>
        {
            var dataDir = parse.GetValue(GlobalOptions.Data)!;
            var path = Path.Combine(dataDir, CliContext.KeysFolder, SigningKeyFile.PublicName);
            if (!File.Exists(path))
            {
                throw new CliException(ExitCodes.Usage, $"There is no ledger key in {dataDir}. Create one with: fapiao init --data {dataDir}");
            }

            var pem = File.ReadAllText(path).TrimEnd() + "\n";
            if (parse.GetValue(GlobalOptions.Json))
            {
                Output.JsonOut.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("algorithm", "ECDSA P-256 SHA-256");
                    w.WriteString("publicKey", pem);
                    w.WriteEndObject();
                });
            }
            else
            {
                Console.Write(pem);
            }

            return ExitCodes.Ok;
        });
        var command = new Command("key", "The ledger's signing key");
        command.Subcommands.Add(publicKey);
        return command;
    }
}
