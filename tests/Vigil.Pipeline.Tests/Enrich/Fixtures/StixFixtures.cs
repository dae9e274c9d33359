namespace Vigil.Pipeline.Tests.Enrich.Fixtures;

/// <summary>A STIX 2.1 bundle in the shape CTI platforms export: an identity, indicators, observed data and noise.</summary>
internal static class StixFixtures
{
    public const string Bundle = """
        {
          "type": "bundle",
          "id": "bundle--5d0092c5-5f74-4287-9642-33f4c354e56d",
          "objects": [
            {
              "type": "identity", "spec_version": "2.1",
              "id": "identity--f431f809-377b-45e0-aa1c-6a4751cae5ff",
              "created": "2026-01-10T08:00:00.000Z", "modified": "2026-01-10T08:00:00.000Z",
              "name": "ACME CERT", "identity_class": "organization"
            },
            {
              "type": "indicator", "spec_version": "2.1",
              "id": "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
              "created_by_ref": "identity--f431f809-377b-45e0-aa1c-6a4751cae5ff",
              "created": "2026-10-01T09:00:00.000Z", "modified": "2026-10-02T09:00:00.000Z",
              "name": "Cobalt Strike team server",
              "indicator_types": ["malicious-activity"], "labels": ["c2"],
              "pattern": "[ipv4-addr:value = '198.51.100.23']", "pattern_type": "stix",
              "valid_from": "2026-10-01T09:00:00Z", "valid_until": "2027-10-01T09:00:00Z",
              "confidence": 85
            },
            {
              "type": "indicator", "spec_version": "2.1",
              "id": "indicator--1a2b3c4d-0000-4000-8000-000000000002",
              "created_by_ref": "identity--f431f809-377b-45e0-aa1c-6a4751cae5ff",
              "created": "2026-10-01T09:00:00.000Z", "modified": "2026-10-01T09:00:00.000Z",
              "description": "Bulletproof hosting ranges",
              "pattern": "[ipv4-addr:value ISSUBSET '203.0.113.0/24'] OR [ipv6-addr:value ISSUBSET '2001:db8:bad::/48']",
              "pattern_type": "stix", "valid_from": "2026-10-01T09:00:00Z", "confidence": 60
            },
            {
              "type": "indicator", "spec_version": "2.1",
              "id": "indicator--1a2b3c4d-0000-4000-8000-000000000003",
              "created_by_ref": "identity--f431f809-377b-45e0-aa1c-6a4751cae5ff",
              "created": "2026-10-01T09:00:00.000Z", "modified": "2026-10-01T09:00:00.000Z",
              "name": "Phishing kit",
              "pattern": "[domain-name:value = 'evil.example' OR url:value = 'https://login.evil.example/o365/index.php?id=1' OR email-addr:value = 'billing@evil.example']",
              "pattern_type": "stix", "valid_from": "2026-10-01T09:00:00Z"
            },
            {
              "type": "indicator", "spec_version": "2.1",
              "id": "indicator--1a2b3c4d-0000-4000-8000-000000000004",
              "created": "2026-10-01T09:00:00.000Z", "modified": "2026-10-01T09:00:00.000Z",
              "name": "Loader",
              "pattern": "[file:hashes.'SHA-256' = 'AEC070645FE53EE3B3763059376134F058CC337247C978ADD178B6CCDFB0019F' OR file:hashes.MD5 = '44d88612fea8a8f36de82e1278abb02f']",
              "pattern_type": "stix", "valid_from": "2026-10-01T09:00:00Z", "confidence": 90
            },
            {
              "type": "indicator", "spec_version": "2.1",
              "id": "indicator--1a2b3c4d-0000-4000-8000-000000000005",
              "created": "2026-10-01T09:00:00.000Z", "modified": "2026-10-01T09:00:00.000Z",
              "pattern": "[ipv4-addr:value = '192.0.2.66' AND domain-name:value = 'beacon.example']",
              "pattern_type": "stix", "valid_from": "2026-10-01T09:00:00Z"
            },
            {
              "type": "indicator", "spec_version": "2.1",
              "id": "indicator--1a2b3c4d-0000-4000-8000-000000000006",
              "created": "2026-10-01T09:00:00.000Z", "modified": "2026-10-01T09:00:00.000Z",
              "pattern": "[process:name = 'mimikatz.exe']",
              "pattern_type": "stix", "valid_from": "2026-10-01T09:00:00Z"
            },
            {
              "type": "indicator", "spec_version": "2.1",
              "id": "indicator--1a2b3c4d-0000-4000-8000-000000000007",
              "created": "2026-10-01T09:00:00.000Z", "modified": "2026-10-05T09:00:00.000Z",
              "revoked": true,
              "pattern": "[domain-name:value = 'revoked.example']",
              "pattern_type": "stix", "valid_from": "2026-10-01T09:00:00Z"
            },
            {
              "type": "indicator", "spec_version": "2.1",
              "id": "indicator--1a2b3c4d-0000-4000-8000-000000000008",
              "created": "2026-10-01T09:00:00.000Z", "modified": "2026-10-01T09:00:00.000Z",
              "pattern": "[network-traffic:dst_ref.type = 'ipv4-addr'] FOLLOWEDBY [domain-name:value = 'later.example']",
              "pattern_type": "stix", "valid_from": "2026-10-01T09:00:00Z"
            },
            {
              "type": "indicator", "spec_version": "2.1",
              "id": "indicator--1a2b3c4d-0000-4000-8000-000000000009",
              "created": "2026-10-01T09:00:00.000Z", "modified": "2026-10-01T09:00:00.000Z",
              "pattern": "title:\"yara rule\"", "pattern_type": "yara", "valid_from": "2026-10-01T09:00:00Z"
            },
            {
              "type": "indicator", "spec_version": "2.1",
              "id": "indicator--1a2b3c4d-0000-4000-8000-000000000010",
              "created": "2026-10-01T09:00:00.000Z", "modified": "2026-10-01T09:00:00.000Z",
              "pattern": "[domain-name:value = 'o\\'brien.example'", "pattern_type": "stix", "valid_from": "2026-10-01T09:00:00Z"
            },
            {
              "type": "observed-data", "spec_version": "2.1",
              "id": "observed-data--b67d30ff-02ac-498a-92f9-32f845f448cf",
              "created_by_ref": "identity--f431f809-377b-45e0-aa1c-6a4751cae5ff",
              "created": "2026-10-03T00:00:00.000Z", "modified": "2026-10-03T00:00:00.000Z",
              "first_observed": "2026-10-02T19:58:16.000Z", "last_observed": "2026-10-02T20:01:00.000Z",
              "number_observed": 3,
              "object_refs": ["ipv4-addr--efcd5e80-570d-4131-b213-62cb18eaa6a8", "domain-name--ecb120bf-2694-4902-a737-62b74539a41b"]
            },
            { "type": "ipv4-addr", "spec_version": "2.1", "id": "ipv4-addr--efcd5e80-570d-4131-b213-62cb18eaa6a8", "value": "198.51.100.77" },
            { "type": "domain-name", "spec_version": "2.1", "id": "domain-name--ecb120bf-2694-4902-a737-62b74539a41b", "value": "Drop.Example." },
            {
              "type": "relationship", "spec_version": "2.1",
              "id": "relationship--44298a74-ba52-4f0c-87a3-1824e67d7fad",
              "created": "2026-10-01T09:00:00.000Z", "modified": "2026-10-01T09:00:00.000Z",
              "relationship_type": "indicates",
              "source_ref": "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
              "target_ref": "malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b"
            }
          ]
        }
        """;
}
