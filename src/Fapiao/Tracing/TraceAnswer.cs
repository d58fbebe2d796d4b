namespace Fapiao.Tracing;

/// <summary>The answer for one key: the explanations, the most likely first; never empty (at worst <see cref="TraceCauses.NoTrace"/>).</summary>
internal sealed record TraceAnswer(string Key, bool Found, IReadOnlyList<TraceExplanation> Explanations);
