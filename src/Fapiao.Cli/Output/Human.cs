using Spectre.Console;

namespace Fapiao.Cli.Output;

/// <summary>
/// Output for people: Spectre.Console tables and colours on a terminal; plain lines when the
/// output is redirected (Spectre prints nothing useful to a pipe), so scripts and logs stay readable.
/// </summary>
internal static class Human
{
    public static bool IsTerminal => !Console.IsOutputRedirected;

    public static void Table(string[] headers, IEnumerable<string?[]> rows)
    {
        if (IsTerminal)
        {
            var table = new Table().Border(TableBorder.Rounded);
            foreach (var h in headers)
            {
                table.AddColumn(Markup.Escape(h));
            }

            foreach (var row in rows)
            {
                table.AddRow(row.Select(c => Markup.Escape(c ?? "")).ToArray());
            }

            AnsiConsole.Write(table);
            return;
        }

        Console.WriteLine(string.Join('\t', headers));
        foreach (var row in rows)
        {
            Console.WriteLine(string.Join('\t', row.Select(c => c ?? "")));
        }
    }

    public static void Line(string text, string? style = null)
    {
        if (IsTerminal && style is not null)
        {
            AnsiConsole.MarkupLine($"[{style}]{Markup.Escape(text)}[/]");
        }
        else
        {
            Console.WriteLine(text);
        }
    }
}
