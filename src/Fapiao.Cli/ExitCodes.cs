namespace Fapiao.Cli;

/// <summary>The exit codes of the contract; scripts depend on them.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Unexpected = 1;
    public const int Usage = 2;
    public const int SomeRejected = 3;
    public const int VerificationFailed = 4;
    public const int NotFound = 5;
}
