using Fapiao.Formats;
using Fapiao.Formats.Exports;
using Fapiao.Formats.Xlsx;
using Fapiao.Fuzz;
using Fapiao.Ingest.Inputs;
using Fapiao.Validation;
using SharpFuzz;

// The AFL++ harness: `dotnet Fapiao.Fuzz.dll TARGET` reads one input per run from standard input
// (AFL's fork server drives it through SharpFuzz); `dotnet Fapiao.Fuzz.dll TARGET FILE...` replays
// saved inputs (a crash from $TMPDIR/fapiao-afl/TARGET) with the plain build. Targets: FuzzContract.Targets.
if (args.Length == 0 || !FuzzContract.Targets.TryGetValue(args[0], out var format))
{
    await Console.Error.WriteLineAsync($"usage: Fapiao.Fuzz TARGET [FILE...]; targets: {string.Join(", ", FuzzContract.Targets.Keys)}");
    return 2;
}

if (args.Length > 1)
{
    // Replays run the plain build: instrumented code may only run inside Fuzzer.Run.
    var reader = Reader();
    foreach (var file in args[1..])
    {
        using var stream = File.OpenRead(file);
        var accepted = FuzzContract.Check(reader.Read(stream, Path.GetFileName(file), format));
        Console.WriteLine($"{file}: ok, {accepted} accepted");
    }

    return 0;
}

// The reader is made inside the run: SharpFuzz sets up the coverage map the instrumented code writes to first.
Fuzzer.OutOfProcess.Run(stream => FuzzContract.Check(Reader().Read(stream, "fuzz", format)));
return 0;

static SubmissionReader Reader() => new(
    new InvoiceValidator(TimeProvider.System),
    new Dictionary<InputFormat, IInputRowReader> { [InputFormat.Xlsx] = new XlsxExportReader() },
    FileReaders.All);
