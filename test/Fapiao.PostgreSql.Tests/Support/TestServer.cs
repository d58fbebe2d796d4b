using Npgsql;

namespace Fapiao.PostgreSql.Tests.Support;

/// <summary>
/// The PostgreSQL server the tests run on, named by FAPIAO_TEST_PG (scripts/test.sh starts a
/// throwaway one). Where none is configured or reachable a test is skipped with the reason, never
/// passed; with CI=true it fails instead, so a CI run cannot go green without the server.
/// </summary>
internal static class TestServer
{
    public const string Variable = "FAPIAO_TEST_PG";

    private static readonly Lazy<Task<string?>> Problem = new(FindProblemAsync);

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string BaseConnectionString => Environment.GetEnvironmentVariable(Variable) ?? "";

    /// <summary>Skips (locally) or fails (CI) the calling test when there is no server.</summary>
    public static async Task RequireAsync()
    {
        if (await Problem.Value is not { } problem)
        {
            return;
        }

        if (InCi)
        {
            throw new InvalidOperationException($"CI=true but the PostgreSQL tests have no server: {problem}");
        }

        Skip.If(true, $"PostgreSQL tests skipped: {problem} (scripts/test.sh starts a throwaway server; or set {Variable}).");
    }

    private static async Task<string?> FindProblemAsync()
    {
        if (string.IsNullOrWhiteSpace(BaseConnectionString))
        {
            return $"{Variable} is not set";
        }

        try
        {
            await using var connection = new NpgsqlConnection(BaseConnectionString);
            await connection.OpenAsync();
            return null;
        }
        catch (Exception ex) when (ex is NpgsqlException or ArgumentException or TimeoutException)
        {
            return $"cannot connect to the server in {Variable}: {ex.Message}";
        }
    }

    public static string ConnectionString(string schema, string? extra = null) =>
        new NpgsqlConnectionStringBuilder(BaseConnectionString + (extra is null ? "" : ";" + extra)) { SearchPath = schema }.ConnectionString;

    /// <summary>A new empty schema; every test's store lives in one of its own.</summary>
    public static async Task<string> CreateSchemaAsync()
    {
        await RequireAsync();
        var schema = "spec_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(null, $"CREATE SCHEMA {schema};");
        return schema;
    }

    public static async Task DropSchemaAsync(string schema)
    {
        await ExecuteAsync(null, $"DROP SCHEMA IF EXISTS {schema} CASCADE;");
    }

    public static async Task ExecuteAsync(string? schema, string sql)
    {
        await using var connection = new NpgsqlConnection(schema is null ? BaseConnectionString : ConnectionString(schema) + ";Pooling=false");
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync();
    }

    public static async Task<object?> ScalarAsync(string schema, string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(schema) + ";Pooling=false");
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        return await cmd.ExecuteScalarAsync();
    }
}
