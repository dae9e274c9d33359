using Npgsql;
using Vigil.Storage.Engines;

namespace Vigil.Storage.Tests;

public sealed class PostgresConnectionStringTests
{
    [Fact]
    public void ToKeyValue_Url_ConvertsEveryPart()
    {
        var converted = new NpgsqlConnectionStringBuilder(PostgresConnectionString.ToKeyValue(
            "postgres://vigil:p%40ss%3Aw0rd@db.example.com:6432/vigil_prod?sslmode=verify-full&application_name=vigil-node-1"));

        Assert.Equal("db.example.com", converted.Host);
        Assert.Equal(6432, converted.Port);
        Assert.Equal("vigil", converted.Username);
        Assert.Equal("p@ss:w0rd", converted.Password);
        Assert.Equal("vigil_prod", converted.Database);
        Assert.Equal(SslMode.VerifyFull, converted.SslMode);
        Assert.Equal("vigil-node-1", converted.ApplicationName);
    }

    [Fact]
    public void ToKeyValue_UrlWithoutPortOrPassword_UsesDefaults()
    {
        var converted = new NpgsqlConnectionStringBuilder(PostgresConnectionString.ToKeyValue("postgresql://alice@localhost/app"));

        Assert.Equal("localhost", converted.Host);
        Assert.Equal(5432, converted.Port);
        Assert.Equal("alice", converted.Username);
        Assert.Null(converted.Password);
    }

    [Fact]
    public void ToKeyValue_Ipv6AndSeveralHosts_KeepsHosts()
    {
        var v6 = new NpgsqlConnectionStringBuilder(PostgresConnectionString.ToKeyValue("postgres://u@[::1]:5433/db"));
        var several = new NpgsqlConnectionStringBuilder(PostgresConnectionString.ToKeyValue("postgres://u@h1:5432,h2:5433/db?target_session_attrs=primary"));

        Assert.Equal("::1", v6.Host);
        Assert.Equal(5433, v6.Port);
        Assert.Equal("h1:5432,h2:5433", several.Host);
        Assert.Equal("primary", several.TargetSessionAttributes);
    }

    [Fact]
    public void ToKeyValue_KeyValueString_PassesThrough()
    {
        var converted = new NpgsqlConnectionStringBuilder(PostgresConnectionString.ToKeyValue("Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres"));

        Assert.Equal("127.0.0.1", converted.Host);
        Assert.Equal(55432, converted.Port);
    }

    [Theory]
    [InlineData("mysql://u@h/db")]
    [InlineData("postgres://u@h/db?sslmode=sometimes")]
    [InlineData("postgres://u@h/db?no_such_option=1")]
    public void ToKeyValue_Unusable_ThrowsArgumentException(string connectionString) =>
        Assert.ThrowsAny<ArgumentException>(() => PostgresConnectionString.ToKeyValue(connectionString));
}
