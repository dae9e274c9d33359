namespace Vigil.Pipeline.Tests.Enrich.Fixtures;

/// <summary>Asset and identity inventories as a CMDB and an HR export would write them.</summary>
internal static class ContextFixtures
{
    public const string AssetsCsv = """
        Host,IP,Owner,Criticality,Exposure,Environment,Regulatory_Scope,Tags,Role
        DC-01.corp.local,10.0.0.10;10.0.0.11,it-infra@corp.example,critical,internal,production,sox;gdpr,tier0,domain controller
        web-01,203.0.113.80,web-team@corp.example,high,internet-facing,prod,pci,dmz;nginx,web server
        build-07,10.0.5.7,,,,dev,,,
        bad-01,10.0.9.300,someone,extreme,internal,production,,,
        ,10.0.0.99,nobody,low,internal,production,,,
        """;

    public const string AssetsJson = """
        [
          {"host": "db-02.corp.local", "ip": ["10.0.2.2"], "owner": "dba@corp.example", "criticality": "high",
           "exposure": "internal", "environment": "staging", "regulatory_scope": ["pci"], "tags": ["postgres"], "role": "database"},
          {"host": "kiosk-3", "ip": "10.0.7.3", "criticality": "medium", "exposure": "somewhere"},
          42
        ]
        """;

    public const string IdentitiesCsv = """
        user,email,display_name,role,manager,department,lifecycle,privileged,travel
        alice,Alice.Smith@corp.example,Alice Smith,Finance Director,carol,Finance,active,yes,FR|Paris|2026-11-02|2026-11-06;JP|Tokyo|2026-12-01|2026-12-10
        CORP\bob,bob@corp.example,Bob Jones,Engineer,,Engineering,leaver,no,
        dave,dave@corp.example,Dave,,,,retired,maybe,XX|Nowhere|2026-13-01|2026-12-01
        """;

    public const string IdentitiesJson = """
        [
          {"user_name": "erin", "email": "erin@corp.example", "display_name": "Erin", "department": "Sales",
           "manager": "frank", "lifecycle": "mover", "privileged": false,
           "travel": [{"country": "us", "city": "New York", "from": "2026-11-20", "to": "2026-11-25"}]},
          {"email": "noname@corp.example"}
        ]
        """;

    public const string ServicesCsv = """
        name,owner,dependencies,criticality
        payments,payments-team,db-02.corp.local;web-01,critical
        wiki,,,
        """;
}
