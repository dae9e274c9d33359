using System.Text;
using Vigil.Testing;

namespace Vigil.Pipeline.Tests.Ingest.Mail;

/// <summary>The hand-written reported mails in tests/fixtures/mail, and generated ones for the limits.</summary>
internal static class MailFixtures
{
    public static byte[] Read(string name) => File.ReadAllBytes(RepositoryPaths.Combine("tests", "fixtures", "mail", name));

    /// <summary>A well-formed report whose attached message carries <paramref name="bodyBytes"/> of text.</summary>
    public static byte[] Huge(int bodyBytes)
    {
        var text = new StringBuilder(bodyBytes + 1_024);
        text.Append("From: Erin <erin@corp.example>\r\nTo: phishing@corp.example\r\nSubject: FW: big\r\n")
            .Append("Message-ID: <huge@corp.example>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\n");
        var line = new string('x', 76) + "\r\n";
        while (text.Length < bodyBytes)
        {
            text.Append(line);
        }

        return Encoding.ASCII.GetBytes(text.ToString());
    }

    /// <summary>A report whose attached message links to <paramref name="count"/> distinct URLs.</summary>
    public static byte[] WithUrls(int count)
    {
        var text = new StringBuilder("From: Erin <erin@corp.example>\r\nSubject: links\r\nMessage-ID: <links@corp.example>\r\n\r\n");
        for (var i = 0; i < count; i++)
        {
            text.Append("https://link-").Append(i).Append(".example/\r\n");
        }

        return Encoding.ASCII.GetBytes(text.ToString());
    }
}
