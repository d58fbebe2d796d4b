using System.CommandLine;
using Fapiao.Domain;

namespace Fapiao.Cli.Commands;

/// <summary>The KEY argument: a 20-digit 数电 number, or CODE-NUMBER for a legacy invoice.</summary>
internal static class KeyArgument
{
    public static Argument<string> Create() => new("KEY") { Description = "Invoice key: 20-digit number, or CODE-NUMBER" };

    public static InvoiceKey Parse(ParseResult parse, Argument<string> argument)
    {
        var text = parse.GetValue(argument)!;
        return InvoiceKey.TryParse(text, out var key)
            ? key
            : throw new CliException(ExitCodes.Usage, $"\"{text}\" is not an invoice key: use the 20-digit number of a 数电 invoice, or CODE-NUMBER (10 or 12 digits, a hyphen, 8 digits) for a legacy one.");
    }
}
