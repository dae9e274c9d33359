using System.Security.Cryptography;
using System.Text.Json;
using Vigil.Domain.Ledger;

namespace Vigil.Pipeline.Evidence;

/// <summary>
/// Checks a package with nothing but the file (and, optionally, the public key it must be signed with): the envelope is
/// canonical, the signature holds over the package bytes, the key id names the key, and the ledger slice's hash chain
/// recomputes from its entries to its recorded head.
/// </summary>
public static class PackageVerifier
{
    public static PackageVerification Verify(byte[] file, string? trustedPublicKey = null)
    {
        var problems = new List<string>();
        if (!TrySplit(file, out var content, out var signature, out var error))
        {
            return new PackageVerification { Problems = [error], Digest = SignedPackage.Digest(file) };
        }

        if (!SignedPackage.Envelope(content.Span, signature).AsSpan().SequenceEqual(file))
        {
            problems.Add("the file is not byte-for-byte the package its parts describe: it was changed after signing");
        }

        if (signature.Algorithm != SignedPackage.Algorithm)
        {
            problems.Add($"unknown signature algorithm '{signature.Algorithm}' (expected {SignedPackage.Algorithm})");
        }

        CheckSignature(content.Span, signature, trustedPublicKey, problems);
        EvidencePackage? package = null;
        var entries = 0;
        try
        {
            package = JsonSerializer.Deserialize<EvidencePackage>(content.Span, PackageJson.Strict);
        }
        catch (JsonException exception)
        {
            problems.Add($"the package does not follow the schema: {exception.Message}");
        }

        if (package is not null)
        {
            entries = package.Ledger.Entries.Count;
            CheckContent(package, problems);
        }

        return new PackageVerification
        {
            Problems = problems,
            KeyId = signature.KeyId,
            CaseId = package?.Case.Id,
            LedgerEntries = entries,
            Digest = SignedPackage.Digest(file),
            Package = problems.Count == 0 ? package : null,
        };
    }

    private static void CheckSignature(ReadOnlySpan<byte> content, PackageSignature signature, string? trustedPublicKey, List<string> problems)
    {
        try
        {
            if (SignedPackage.KeyId(signature.PublicKey) != signature.KeyId)
            {
                problems.Add("the key id does not name the public key in the package");
            }

            if (trustedPublicKey is not null && !string.Equals(Normalize(trustedPublicKey), signature.PublicKey, StringComparison.Ordinal))
            {
                problems.Add("the package is signed with a different key than the trusted one");
            }

            using var ecdsa = ECDsa.Create();
            ecdsa.ImportSubjectPublicKeyInfo(Convert.FromBase64String(signature.PublicKey), out _);
            if (!ecdsa.VerifyData(content, Convert.FromBase64String(signature.Value), HashAlgorithmName.SHA256))
            {
                problems.Add("the signature does not match the package: its content was changed");
            }
        }
        catch (Exception exception) when (exception is FormatException or CryptographicException or PlatformNotSupportedException or ArgumentException)
        {
            problems.Add($"the signature block is unreadable: {exception.Message}");
        }
    }

    private static void CheckContent(EvidencePackage package, List<string> problems)
    {
        if (package.Format != EvidencePackage.CurrentFormat)
        {
            problems.Add($"unknown package format '{package.Format}'");
        }

        var ledger = package.Ledger;
        if (ledger.ChainId != package.Case.Id)
        {
            problems.Add($"the ledger slice is chain {ledger.ChainId}, not the case {package.Case.Id}");
        }

        var entries = new List<LedgerEntry>(ledger.Entries.Count);
        foreach (var entry in ledger.Entries)
        {
            try
            {
                entries.Add(new LedgerEntry
                {
                    ChainId = ledger.ChainId,
                    Seq = entry.Seq,
                    Kind = entry.Kind,
                    Actor = Actor.Parse(entry.Actor),
                    At = DateTimeOffset.Parse(entry.At, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal),
                    Payload = entry.Payload,
                    PrevHash = entry.PrevHash,
                    Hash = entry.Hash,
                });
            }
            catch (FormatException exception)
            {
                problems.Add($"ledger entry {entry.Seq} is unreadable: {exception.Message}");
            }
        }

        // An artefact listed without the ledger entry that recorded its collection (same id and hash) has no custody.
        foreach (var artefact in package.Artefacts)
        {
            var collected = entries.FirstOrDefault(e => e.Seq == artefact.CollectedSeq && e.Kind == ArtefactKinds.Collected);
            if (collected is null || !collected.Payload.Contains($"\"{artefact.Id}\"", StringComparison.Ordinal) || !collected.Payload.Contains($"\"{artefact.Sha256}\"", StringComparison.Ordinal))
            {
                problems.Add($"artefact {artefact.Id} (sha256 {artefact.Sha256}) has no artefact.collected ledger entry naming it and its hash");
            }
        }

        var head = ledger.HeadSeq == 0 ? null : new LedgerHead(ledger.ChainId, ledger.HeadSeq, ledger.HeadHash);
        foreach (var problem in LedgerVerifier.Verify(ledger.ChainId, entries, head).Problems)
        {
            problems.Add($"ledger entry {problem.Seq}: {problem.Kind}: {problem.Message}");
        }
    }

    private static bool TrySplit(byte[] file, out ReadOnlyMemory<byte> content, out PackageSignature signature, out string error)
    {
        content = default;
        signature = null!;
        error = string.Empty;
        try
        {
            var reader = new Utf8JsonReader(file, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject
                || !reader.Read() || reader.TokenType != JsonTokenType.PropertyName || !reader.ValueTextEquals("package"u8)
                || !reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                error = "not an evidence package: expected {\"package\":{...},\"signature\":{...}}";
                return false;
            }

            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            content = file.AsMemory(start, (int)reader.BytesConsumed - start);
            if (!reader.Read() || reader.TokenType != JsonTokenType.PropertyName || !reader.ValueTextEquals("signature"u8))
            {
                error = "not an evidence package: the signature block is missing";
                return false;
            }

            var block = JsonSerializer.Deserialize<PackageSignature>(ref reader, PackageJson.Strict);
            if (block is null || !reader.Read() || reader.TokenType != JsonTokenType.EndObject)
            {
                error = "not an evidence package: unexpected content after the signature block";
                return false;
            }

            signature = block;
            return true;
        }
        catch (JsonException exception)
        {
            error = $"not an evidence package: {exception.Message}";
            return false;
        }
    }

    private static string Normalize(string key) => string.Concat(key
        .Replace("-----BEGIN PUBLIC KEY-----", string.Empty, StringComparison.Ordinal)
        .Replace("-----END PUBLIC KEY-----", string.Empty, StringComparison.Ordinal)
        .Where(c => !char.IsWhiteSpace(c)));
}
