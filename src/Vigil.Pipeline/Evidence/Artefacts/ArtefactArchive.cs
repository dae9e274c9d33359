using System.Text;
using ICSharpCode.SharpZipLib.Zip;

namespace Vigil.Pipeline.Evidence.Artefacts;

/// <summary>
/// Wraps an artefact in a zip for hand-over, AES-256 encrypted (WinZip AE-2, readable by 7-Zip, WinZip and Windows 11's
/// extractor) when a password is given, so a possibly malicious file crosses mail and desktops without being opened or
/// quarantined on the way. The entry is stored (not deflated): the SHA-256 in the ledger is of the exact bytes inside.
/// </summary>
public static class ArtefactArchive
{
    public const int MinPasswordLength = 8;

    public static byte[] Zip(string name, string sha256, byte[] content, string? password, DateTimeOffset at)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipOutputStream(buffer) { IsStreamOwner = false })
        {
            zip.SetLevel(0);
            if (password is not null)
            {
                zip.Password = password;
            }

            var entry = new ZipEntry(EntryName(name, sha256))
            {
                DateTime = at.UtcDateTime,
                Size = content.Length,
                CompressionMethod = CompressionMethod.Stored,
                AESKeySize = password is null ? 0 : 256,
            };
            zip.PutNextEntry(entry);
            zip.Write(content, 0, content.Length);
            zip.CloseEntry();
            zip.Finish();
        }

        return buffer.ToArray();
    }

    /// <summary>The stored name without any directory part or control character, so extraction cannot write outside its folder.</summary>
    public static string EntryName(string name, string sha256)
    {
        var file = new StringBuilder();
        foreach (var c in Path.GetFileName(name.Replace('\\', '/')))
        {
            file.Append(char.IsControl(c) || c is '/' or ':' or '*' or '?' or '"' or '<' or '>' or '|' ? '_' : c);
        }

        var safe = file.ToString().Trim().TrimStart('.');
        return safe.Length == 0 ? sha256 : safe;
    }
}
