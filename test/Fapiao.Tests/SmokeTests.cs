namespace Fapiao.Tests; public class SmokeTests { [Fact] public void One_IsOne() => 1.ShouldBe(1); }
