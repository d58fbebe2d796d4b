using System.CommandLine;
using System.Globalization;
using Fapiao.Cli.Output;
using Fapiao.Domain;
using Fapiao.Originals;
using Fapiao.Sqlite;
using Fapiao.Validation;

namespace Fapiao.Cli.Commands;

/// <summary>
/// <c>fapiao original KEY|SHA256 [--out FILE] [--list]</c>: a kept original file, byte for byte,
/// its hash checked. A KEY gives the original its events name; when they name several (a QR
/// scan first, the XML later) the command lists them and asks for one by its SHA-256.
/// </summary>
internal static class OriginalCommand
{
    private static readonly Argument<string> Target = new("KEY|SHA256") { Description = "An invoice key (the original its events name) or the SHA-256 of a kept original" };

    public static readonly Option<string?> Out = new("--out") { Description = "Write the file here instead of to standard output" };

    private static readonly Option<bool> List = new("--list") { Description = "List the originals an invoice's events name (index, kind, time, SHA-256, place) instead of writing one" };

    public static Command Create()
    {
        var command = new Command("original", "Give back a kept original file byte for byte (its SHA-256 checked)");
        command.Arguments.Add(Target);
        command.Options.Add(Out);
        command.Options.Add(List);
        command.SetAction(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken ct)
    {
        var target = parse.GetValue(Target)!.Trim();
        var sha256 = target.ToLowerInvariant();
        var byHash = OriginalStore.IsSha256(sha256);
        InvoiceKey key = default;
        if (!byHash && !InvoiceKey.TryParse(target, out key))
        {
            throw new CliException(ExitCodes.Usage, $"\"{target}\" is neither an invoice key (20 digits, or CODE-NUMBER) nor a SHA-256 (64 hex digits).");
        }

        await using var context = await CliContext.OpenAsync(parse, ct).ConfigureAwait(false);
        if (!byHash)
        {
            var named = await EventOriginal.ForKeyAsync(context.Store, context.Tenant, key.ToString(), ct).ConfigureAwait(false);
            if (parse.GetValue(List))
            {
                WriteList(context.Json, named);
                return named.Count == 0 ? ExitCodes.NotFound : ExitCodes.Ok;
            }

            sha256 = PickOne(key, named, context.Tenant);
        }

        return Write(OriginalStore.In(context.DataDir, context.Tenant), sha256, parse.GetValue(Out));
    }

    private static string PickOne(InvoiceKey key, IReadOnlyList<EventOriginal> named, string tenant)
    {
        var distinct = named.Select(n => n.Original.Sha256).Distinct(StringComparer.Ordinal).ToList();
        return distinct.Count switch
        {
            1 => distinct[0],
            0 => throw new CliException(ExitCodes.NotFound, $"{ErrorCodes.OriginalMissing}: no event of {key} for tenant \"{tenant}\" names a kept original."),
            _ => throw new CliException(ExitCodes.Usage,
                $"{ErrorCodes.OriginalAmbiguous}: the events of {key} name {distinct.Count} originals; give one by its SHA-256:"
                + string.Concat(named.Select(n => $"{Environment.NewLine}  event {n.Index} {n.Kind} {Times.Format(n.At)} {n.Original.Sha256} {n.Original.Place}"))),
        };
    }

    private static void WriteList(bool json, IReadOnlyList<EventOriginal> named)
    {
        if (json)
        {
            JsonOut.Write(w =>
            {
                w.WriteStartArray();
                foreach (var n in named)
                {
                    w.WriteStartObject();
                    w.WriteNumber("index", n.Index);
                    w.WriteString("kind", n.Kind);
                    w.WriteString("at", Times.Format(n.At));
                    w.WriteString("sha256", n.Original.Sha256);
                    w.WriteString("place", n.Original.Place);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            });
            return;
        }

        Human.Table(["event", "kind", "at", "sha256", "place"], named.Select(n => new[]
        {
            n.Index.ToString(CultureInfo.InvariantCulture), n.Kind, Times.Format(n.At), n.Original.Sha256, n.Original.Place,
        }));
    }

    /// <summary>
    /// Writes the checked original to <paramref name="outPath"/> (through a temporary file, renamed
    /// only when the bytes written hash right) or to standard output (checked before writing).
    /// </summary>
    public static int Write(OriginalStore originals, string sha256, string? outPath)
    {
        OriginalState state;
        if (outPath is null)
        {
            Console.Out.Flush();
            using var stdout = Console.OpenStandardOutput();
            state = originals.CopyTo(sha256, stdout);
        }
        else
        {
            var temp = outPath + ".part";
            using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write))
            {
                state = originals.CopyTo(sha256, file);
            }

            if (state == OriginalState.Sound)
            {
                File.Move(temp, outPath, overwrite: true);
            }
            else
            {
                File.Delete(temp);
            }
        }

        return state switch
        {
            OriginalState.Sound => ExitCodes.Ok,
            OriginalState.Missing => throw new CliException(ExitCodes.NotFound, $"{ErrorCodes.OriginalMissing}: there is no kept original {sha256} in {originals.Folder}."),
            _ => throw new CliException(ExitCodes.VerificationFailed, $"{ErrorCodes.OriginalTampered}: the kept original {originals.PathOf(sha256)} no longer hashes to its name {sha256}: it was changed or damaged; nothing was written."),
        };
    }
}
