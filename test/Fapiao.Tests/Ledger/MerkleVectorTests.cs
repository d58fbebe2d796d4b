using Fapiao.Ledger;
using Fapiao.Tests.Ledger.Support;

namespace Fapiao.Tests.Ledger;

public sealed class MerkleVectorTests
{
    public static TheoryData<string> InclusionFiles() => [.. MerkleVectors.Files("inclusion")];

    public static TheoryData<string> ConsistencyFiles() => [.. MerkleVectors.Files("consistency")];

    [Fact]
    public void Files_AllVectorsPresent_Are196()
    {
        var count = MerkleVectors.Files("inclusion").Count() + MerkleVectors.Files("consistency").Count();

        count.ShouldBe(MerkleVectors.FileCount);
    }

    [Theory]
    [MemberData(nameof(InclusionFiles))]
    public void VerifyInclusion_Vector_AcceptsExactlyTheValidProofs(string file)
    {
        var vector = MerkleVectors.Read(file);

        var valid = MerkleVerifier.VerifyInclusion(
            MerkleVectors.Int64(vector, "leafIdx"),
            MerkleVectors.Int64(vector, "treeSize"),
            MerkleVectors.Bytes(vector, "leafHash"),
            MerkleVectors.Proof(vector),
            MerkleVectors.Bytes(vector, "root"),
            out var failure);

        valid.ShouldBe(!vector.GetProperty("wantErr").GetBoolean(), failure);
        (failure is null).ShouldBe(valid);
    }

    [Theory]
    [MemberData(nameof(ConsistencyFiles))]
    public void VerifyConsistency_Vector_AcceptsExactlyTheValidProofs(string file)
    {
        var vector = MerkleVectors.Read(file);

        var valid = MerkleVerifier.VerifyConsistency(
            MerkleVectors.Int64(vector, "size1"),
            MerkleVectors.Int64(vector, "size2"),
            MerkleVectors.Proof(vector),
            MerkleVectors.Bytes(vector, "root1"),
            MerkleVectors.Bytes(vector, "root2"),
            out var failure);

        valid.ShouldBe(!vector.GetProperty("wantErr").GetBoolean(), failure);
        (failure is null).ShouldBe(valid);
    }
}
