using System.Text;
using Vigil.Domain.Ledger;
using Vigil.Pipeline.Evidence;

namespace Vigil.Pipeline.Tests.Evidence;

public sealed class PackageVerifierTests
{
    private static readonly Vigil.Domain.Evidence.SigningKey Key = PackageFixture.NewKey();

    private static byte[] SignedFile() => SignedPackage.Sign(SignedPackage.Serialize(PackageFixture.Package()), Key);

    [Fact]
    public void Verify_AsSigned_IsValidAndRecomputesTheChain()
    {
        var result = PackageVerifier.Verify(SignedFile(), Key.PublicKey);

        Assert.Empty(result.Problems);
        Assert.True(result.IsValid);
        Assert.Equal("cas_fixture", result.CaseId);
        Assert.Equal(5, result.LedgerEntries);
        Assert.Equal(Key.Id, result.KeyId);
        Assert.Equal("phished admin", result.Package!.ClosureRecord.RootCause);
    }

    [Fact]
    public void Verify_AnyByteFlipped_FailsAtEveryPosition()
    {
        var file = SignedFile();
        var accepted = new List<int>();
        // The low bit at every position; a case bit and the high bit at every 11th (and 11th + 5th).
        foreach (var (mask, stride, offset) in new (byte, int, int)[] { (0x01, 1, 0), (0x20, 11, 0), (0x80, 11, 5) })
        {
            for (var position = offset; position < file.Length; position += stride)
            {
                var tampered = (byte[])file.Clone();
                tampered[position] ^= mask;
                if (PackageVerifier.Verify(tampered).IsValid)
                {
                    accepted.Add(position);
                }
            }
        }

        Assert.True(file.Length > 3000, $"the fixture package is {file.Length} bytes");
        Assert.Empty(accepted);
    }

    [Fact]
    public void Verify_BytesInsertedOrRemoved_Fails()
    {
        var file = SignedFile();
        var text = Encoding.UTF8.GetString(file);
        Assert.False(PackageVerifier.Verify(Encoding.UTF8.GetBytes(text.Replace("\n", "\n ", StringComparison.Ordinal))).IsValid);
        Assert.False(PackageVerifier.Verify(file[..^1]).IsValid);
        Assert.False(PackageVerifier.Verify([.. file, (byte)'\n']).IsValid);
        Assert.False(PackageVerifier.Verify([]).IsValid);
    }

    [Fact]
    public void Verify_ResignedWithAnotherKey_FailsOnlyWhenTheKeyIsPinned()
    {
        var forged = SignedPackage.Sign(SignedPackage.Serialize(PackageFixture.Package() with { GeneratedBy = "human:mallory" }), PackageFixture.NewKey());

        Assert.True(PackageVerifier.Verify(forged).IsValid);
        var pinned = PackageVerifier.Verify(forged, SignedPackage.PublicKeyPem(Key.PublicKey));
        Assert.Contains(pinned.Problems, p => p.Contains("different key", StringComparison.Ordinal));
    }

    [Fact]
    public void Verify_LedgerEntryEditedThenResignedWithTheRealKey_FailsOnTheChain()
    {
        // Someone holding the signing key still cannot rewrite history: the chain's hashes are recomputed.
        var chain = PackageFixture.Chain("cas_fixture").ToArray();
        chain[2] = chain[2] with { Payload = chain[2].Payload.Replace("lsass dump", "routine", StringComparison.Ordinal) };
        var file = SignedPackage.Sign(SignedPackage.Serialize(PackageFixture.Package("cas_fixture", chain)), Key);

        var result = PackageVerifier.Verify(file, Key.PublicKey);

        Assert.False(result.IsValid);
        Assert.Contains(result.Problems, p => p.StartsWith("ledger entry 3: changed", StringComparison.Ordinal));
    }

    [Fact]
    public void Verify_LedgerTailDroppedAndResigned_FailsAsTruncated()
    {
        var package = PackageFixture.Package();
        var shorter = package with { Ledger = package.Ledger with { Entries = package.Ledger.Entries.Take(3).ToArray() } };

        var result = PackageVerifier.Verify(SignedPackage.Sign(SignedPackage.Serialize(shorter), Key));

        Assert.Contains(result.Problems, p => p.Contains("truncated", StringComparison.Ordinal));
    }

    [Fact]
    public void Serialize_AttackerText_IsEscapedInsideThePackage()
    {
        var text = Encoding.UTF8.GetString(SignedFile());

        Assert.DoesNotContain("<script>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", text, StringComparison.Ordinal);
        Assert.True(Encoding.UTF8.GetByteCount(text) == text.Length, "the package is pure ASCII");
    }

    [Fact]
    public void Html_AttackerText_IsEscapedAndTheReportNamesTheDigest()
    {
        var html = EvidenceReport.Html(PackageFixture.Package(), "abc123", Key.Id);

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
        Assert.Contains("abc123", html, StringComparison.Ordinal);
        Assert.Contains("phished admin", html, StringComparison.Ordinal);
        Assert.Contains(LedgerHasher.Genesis, html, StringComparison.Ordinal);
    }
}
