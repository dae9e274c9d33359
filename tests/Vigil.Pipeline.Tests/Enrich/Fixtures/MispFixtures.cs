namespace Vigil.Pipeline.Tests.Enrich.Fixtures;

/// <summary>A MISP event as the event view exports it, with attributes, an object, tags and a deleted attribute.</summary>
internal static class MispFixtures
{
    public const string Event = """
        {
          "Event": {
            "id": "1207", "uuid": "5f1c6f8a-1d3c-4c3e-9b8e-0a1b2c3d4e5f",
            "info": "Qakbot distribution wave",
            "date": "2026-11-20", "threat_level_id": "2", "published": true, "timestamp": "1763640000",
            "Orgc": { "id": "4", "name": "CIRCL", "uuid": "55f6ea5e-2c60-40e5-964f-47a8950d210f" },
            "Tag": [ { "name": "tlp:amber" }, { "name": "misp-galaxy:malpedia=\"QakBot\"" } ],
            "Attribute": [
              { "uuid": "a0000000-0000-4000-8000-000000000001", "type": "ip-dst", "category": "Network activity",
                "value": "198.51.100.10", "to_ids": true, "deleted": false, "timestamp": "1763640000",
                "first_seen": "2026-11-19T22:00:00.000000+00:00", "last_seen": null, "comment": "C2",
                "Tag": [ { "name": "kill-chain:command-and-control" } ] },
              { "uuid": "a0000000-0000-4000-8000-000000000002", "type": "ip-src|port", "category": "Network activity",
                "value": "203.0.113.5|8443", "to_ids": true, "deleted": false, "timestamp": "1763640000" },
              { "uuid": "a0000000-0000-4000-8000-000000000003", "type": "domain|ip", "category": "Network activity",
                "value": "cdn.qak.example|198.51.100.11", "to_ids": true, "deleted": false, "timestamp": "1763640000" },
              { "uuid": "a0000000-0000-4000-8000-000000000004", "type": "hostname", "category": "Network activity",
                "value": "Stage2.Qak.Example", "to_ids": "1", "deleted": false, "timestamp": "1763640000" },
              { "uuid": "a0000000-0000-4000-8000-000000000005", "type": "url", "category": "Payload delivery",
                "value": "http://dl.qak.example/invoice.zip", "to_ids": true, "deleted": false, "timestamp": "1763640000" },
              { "uuid": "a0000000-0000-4000-8000-000000000006", "type": "email-src", "category": "Payload delivery",
                "value": "Invoices@Qak.Example", "to_ids": true, "deleted": false, "timestamp": "1763640000" },
              { "uuid": "a0000000-0000-4000-8000-000000000007", "type": "ip-dst", "category": "Network activity",
                "value": "198.51.100.99", "to_ids": true, "deleted": true, "timestamp": "1763640000" },
              { "uuid": "a0000000-0000-4000-8000-000000000008", "type": "domain", "category": "Network activity",
                "value": "benign-reference.example", "to_ids": false, "deleted": false, "timestamp": "1763640000" },
              { "uuid": "a0000000-0000-4000-8000-000000000009", "type": "regkey", "category": "Persistence mechanism",
                "value": "HKCU\\Software\\Qak", "to_ids": true, "deleted": false, "timestamp": "1763640000" }
            ],
            "Object": [
              { "name": "file", "uuid": "b0000000-0000-4000-8000-000000000001", "deleted": false,
                "Attribute": [
                  { "uuid": "c0000000-0000-4000-8000-000000000001", "type": "filename|sha256", "object_relation": "filename",
                    "value": "invoice.js|AEC070645FE53EE3B3763059376134F058CC337247C978ADD178B6CCDFB0019F", "to_ids": true, "deleted": false, "timestamp": "1763640000" },
                  { "uuid": "c0000000-0000-4000-8000-000000000002", "type": "md5", "object_relation": "md5",
                    "value": "44d88612fea8a8f36de82e1278abb02f", "to_ids": true, "deleted": false, "timestamp": "1763640000" },
                  { "uuid": "c0000000-0000-4000-8000-000000000003", "type": "size-in-bytes", "object_relation": "size-in-bytes",
                    "value": "4096", "to_ids": false, "deleted": false, "timestamp": "1763640000" }
                ] }
            ]
          }
        }
        """;

    public const string AttributeSearch = """
        {"response": {"Attribute": [
          {"uuid": "d1", "type": "sha1", "value": "3395856ce81f2b7382dee72602f798b642f14140", "to_ids": true, "timestamp": "1763640000"},
          {"uuid": "d2", "type": "ip-src", "value": "10.20.0.0/16", "to_ids": true, "timestamp": "1763640000"}
        ]}}
        """;
}
