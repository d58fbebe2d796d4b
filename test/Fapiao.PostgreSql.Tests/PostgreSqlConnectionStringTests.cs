using Npgsql;

namespace Fapiao.PostgreSql.Tests;

public sealed class PostgreSqlConnectionStringTests
{
    [Fact]
    public void Parse_Url_GivesTheSameSettingsAsAConnectionString()
    {
        var parsed = new NpgsqlConnectionStringBuilder(PostgreSqlConnectionString.Parse("postgres://fapiao:s%40cret@db1.example:6432/ledger?sslmode=require&application_name=fapiao"));

        (parsed.Host, parsed.Port, parsed.Username, parsed.Password, parsed.Database, parsed.SslMode, parsed.ApplicationName)
            .ShouldBe(("db1.example", 6432, "fapiao", "s@cret", "ledger", SslMode.Require, "fapiao"));
    }

    [Fact]
    public void Parse_UrlWithoutPortOrPassword_LeavesTheDefaults()
    {
        var parsed = new NpgsqlConnectionStringBuilder(PostgreSqlConnectionString.Parse("postgresql://fapiao@localhost/ledger"));

        (parsed.Host, parsed.Port, parsed.Username, parsed.Password, parsed.Database).ShouldBe(("localhost", 5432, "fapiao", null, "ledger"));
    }

    [Fact]
    public void Parse_KeyValueString_IsKept()
    {
        var parsed = new NpgsqlConnectionStringBuilder(PostgreSqlConnectionString.Parse("Host=/tmp/pg;Port=5433;Database=ledger;Username=postgres"));

        (parsed.Host, parsed.Port, parsed.Database).ShouldBe(("/tmp/pg", 5433, "ledger"));
    }

    [Theory]
    [InlineData("postgres://fapiao@db1/ledger?nonsense=1")]
    [InlineData("Host=db1;Nonsense=1")]
    public void Parse_UnknownSetting_IsAFormatError(string text) =>
        Should.Throw<FormatException>(() => PostgreSqlConnectionString.Parse(text));

    [Theory]
    [InlineData("postgres://x@y/z", true)]
    [InlineData("POSTGRESQL://x@y/z", true)]
    [InlineData("Host=db1;Database=ledger", true)]
    [InlineData("fapiao-data/ledger.db", false)]
    public void IsPostgres_TellsADatabaseFromAFile(string text, bool expected) =>
        PostgreSqlConnectionString.IsPostgres(text).ShouldBe(expected);
}
