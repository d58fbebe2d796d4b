namespace Fapiao.Ingest.Inputs;

/// <summary>
/// A reader for a file format the core cannot parse with the base library alone (PDF, images,
/// spreadsheets): implemented where the packages are (Fapiao.Formats) and handed to
/// <see cref="SubmissionReader"/> by the host (CLI, web), so the core never references them.
/// </summary>
internal interface IFileReader
{
    /// <summary>The format this reader reads; <c>--format</c> names it.</summary>
    InputFormat Format { get; }

    /// <summary>
    /// True when the first bytes of the content (up to 4 KiB) are this format's (a magic number).
    /// Readers are asked in the order registered and the first that says yes reads the file, before
    /// the core's own detection; formats that share a container (zip: XLSX, OFD) must look further
    /// than the container's magic number, and formats without one (CSV) should answer false.
    /// </summary>
    bool Recognises(ReadOnlySpan<byte> head);

    /// <summary>
    /// Every item of the file as a submission, in order, never throwing on bad content: the reader
    /// builds them through <paramref name="submissions"/> so that the core's validator decides.
    /// </summary>
    IEnumerable<Submission> Read(Stream stream, string name, SubmissionReader submissions);
}
