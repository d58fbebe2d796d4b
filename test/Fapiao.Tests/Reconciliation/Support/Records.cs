using Fapiao.Reconciliation;

namespace Fapiao.Tests.Reconciliation.Support;

/// <summary>Valid reconciliation rows, numbered so that each is its own key.</summary>
internal static class Records
{
    public const string Seller = "914403001922038216";
    public const string Buyer = "91330100799655058B";

    public static string Key(int i) => $"2411200000{i:D10}";

    public static ReconRecord Of(int i, string source = "test") =>
        new(Key(i), $"{source}:{i}", new DateOnly(2024, 11, 20), Seller, Buyer, 1000m + i, 60m, 1060m + i, "normal");

    public static ReconciliationResult Reconcile(IEnumerable<ReconRecord> left, IEnumerable<ReconRecord> right, int runSize = 3, DatePeriod? period = null)
    {
        using var leftSorter = new ExternalSorter(runSize);
        using var rightSorter = new ExternalSorter(runSize);
        return new Reconciler(period).Run(
            leftSorter.Sort(left),
            rightSorter.Sort(right),
            new ReconSide("left", 0, 0, ""),
            new ReconSide("right", 0, 0, ""),
            []);
    }
}
