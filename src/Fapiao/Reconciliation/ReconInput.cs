namespace Fapiao.Reconciliation;

/// <summary>One input file of a side: the name it is reported under and its content (an upload, a file).</summary>
internal sealed record ReconInput(string Name, Stream Content);
