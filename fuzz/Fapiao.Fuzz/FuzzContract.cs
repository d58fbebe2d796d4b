using System.Reflection;
using Fapiao.Ingest;
using Fapiao.Ingest.Inputs;
using Fapiao.Validation;

namespace Fapiao.Fuzz;

/// <summary>
/// What every parser target promises for any input, shared by the AFL harness (fuzz/Fapiao.Fuzz)
/// and the short in-suite passes: every item comes back as a submission, accepted or rejected with
/// at least one error, every problem carries a stable code of <see cref="ErrorCodes"/>. Anything
/// else (an exception, an unknown code, a silent rejection) is a crash.
/// </summary>
internal static class FuzzContract
{
    /// <summary>Target name (as <c>fuzz/corpus/NAME</c> and the harness's argument) to the format it reads.</summary>
    public static IReadOnlyDictionary<string, InputFormat> Targets { get; } = new Dictionary<string, InputFormat>(StringComparer.Ordinal)
    {
        ["json"] = InputFormat.Json,
        ["jsonl"] = InputFormat.JsonLines,
        ["qr"] = InputFormat.Qr,
        ["csv"] = InputFormat.Csv,
        ["xml"] = InputFormat.Xml,
        ["ofd"] = InputFormat.Ofd,
        ["xlsx"] = InputFormat.Xlsx,
        ["pdf"] = InputFormat.Pdf,
        ["image"] = InputFormat.Image,
    };

    private static readonly HashSet<string> StableCodes =
    [
        .. typeof(ErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!),
    ];

    /// <summary>Reads every submission and checks it; returns how many were accepted. Throws <see cref="FuzzContractException"/> on a broken promise.</summary>
    public static int Check(IEnumerable<Submission> submissions)
    {
        var accepted = 0;
        foreach (var submission in submissions)
        {
            foreach (var problem in submission.Problems)
            {
                if (!StableCodes.Contains(problem.Code))
                {
                    throw new FuzzContractException($"{submission.Source}: problem code '{problem.Code}' is not in ErrorCodes.");
                }
            }

            if (submission.Invoice is null && !submission.Problems.Exists(p => p.IsError))
            {
                throw new FuzzContractException($"{submission.Source}: rejected without an error.");
            }

            accepted += submission.Invoice is null ? 0 : 1;
        }

        return accepted;
    }

    /// <summary>The checked-in seed files of <paramref name="target"/> (<c>fuzz/corpus/TARGET/</c>), found above <paramref name="from"/>.</summary>
    public static List<byte[]> Corpus(string target, string from)
    {
        DirectoryInfo? folder = new(from);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Fapiao.slnx")))
        {
            folder = folder.Parent;
        }

        var corpus = folder is null ? null : Path.Combine(folder.FullName, "fuzz", "corpus", target);
        if (corpus is null || !Directory.Exists(corpus))
        {
            throw new DirectoryNotFoundException($"No seed corpus fuzz/corpus/{target} above {from}.");
        }

        return [.. Directory.GetFiles(corpus).Order(StringComparer.Ordinal).Select(File.ReadAllBytes)];
    }
}

/// <summary>A parser broke the fuzz contract without throwing (see <see cref="FuzzContract"/>).</summary>
internal sealed class FuzzContractException(string message) : Exception(message);
