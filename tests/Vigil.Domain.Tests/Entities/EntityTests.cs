using CsCheck;
using Vigil.Domain.Entities;

namespace Vigil.Domain.Tests.Entities;

public sealed class EntityTests
{
    [Theory]
    [InlineData(EntityType.Ip, "::ffff:10.0.0.5", "10.0.0.5")]
    [InlineData(EntityType.Ip, " 2001:DB8::1 ", "2001:db8::1")]
    [InlineData(EntityType.Ip, "[fe80::1%eth0]", "fe80::1")]
    [InlineData(EntityType.Domain, "Evil.Example.COM.", "evil.example.com")]
    [InlineData(EntityType.Email, "Alice@Corp.COM", "alice@corp.com")]
    [InlineData(EntityType.FileHash, "D41D8CD98F00B204E9800998ECF8427E", "d41d8cd98f00b204e9800998ecf8427e")]
    [InlineData(EntityType.Url, "HTTPS://Example.COM/Path?Q=A", "https://example.com/Path?Q=A")]
    [InlineData(EntityType.Host, "WS-12", "ws-12")]
    [InlineData(EntityType.User, "CORP\\Alice", "corp\\alice")]
    [InlineData(EntityType.Vulnerability, "cve-2024-3094", "CVE-2024-3094")]
    public void TryCreate_NormalisesValue(EntityType type, string raw, string expected)
    {
        Assert.True(Entity.TryCreate(type, raw, out var entity));
        Assert.Equal(expected, entity.Value);
        Assert.Equal($"{type.ToWire()}:{expected}", entity.Key);
    }

    [Theory]
    [InlineData(EntityType.Ip, "999.1.1.1")]
    [InlineData(EntityType.Email, "not-an-email")]
    [InlineData(EntityType.FileHash, "abc123")]
    [InlineData(EntityType.FileHash, "zz1d8cd98f00b204e9800998ecf8427e")]
    [InlineData(EntityType.Url, "/relative/path")]
    [InlineData(EntityType.Domain, "has space.com")]
    [InlineData(EntityType.Host, "   ")]
    public void TryCreate_InvalidValue_IsRejected(EntityType type, string raw)
    {
        Assert.False(Entity.TryCreate(type, raw, out _));
        Assert.Throws<ArgumentException>(() => Entity.Create(type, raw));
    }

    [Fact]
    public void Entities_WithSameNormalisedValue_AreEqual()
    {
        Assert.Equal(Entity.Create(EntityType.Email, "BOB@x.io"), Entity.Create(EntityType.Email, "bob@x.io"));
        Assert.NotEqual(Entity.Create(EntityType.Host, "a"), Entity.Create(EntityType.User, "a"));
    }

    [Fact]
    public void Normalize_IsIdempotent_ForAnyText()
    {
        Gen.Enum<EntityType>().Select(Gen.String).Sample((type, text) =>
        {
            var once = Entity.Normalize(type, text);
            return once is null || Entity.Normalize(type, once) == once;
        });
    }

    [Fact]
    public void EntityTypeNames_RoundTripEveryType()
    {
        foreach (var type in Enum.GetValues<EntityType>())
        {
            Assert.True(EntityTypeNames.TryParse(type.ToWire(), out var parsed));
            Assert.Equal(type, parsed);
        }
    }
}
