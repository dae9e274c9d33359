using Vigil.Detection.Pipelines;

namespace Vigil.Detection.Tests.Sigma;

/// <summary>
/// One row per example or rule stated in the Sigma 2.1.0 specification (rules specification sections
/// "String Wildcard", "Escape Character", "Lists", "Maps", "Special Field Values", "Field Existence",
/// "Keywords search", "Condition"; the modifiers appendix; the filters specification).
/// </summary>
public sealed class ConformanceTests
{
    public static TheoryData<string, string, string, bool> Values() => new()
    {
        // String Wildcard
        { "? is one character", "sel:\n    Image: 'prog?.exe'\ncondition: sel", """{"Image":"progA.exe"}""", true },
        { "? is exactly one character", "sel:\n    Image: 'prog?.exe'\ncondition: sel", """{"Image":"progAB.exe"}""", false },
        { "* is any run", "sel:\n    Image: 'antivirus_V*.exe'\ncondition: sel", """{"Image":"antivirus_V21.2.1.exe"}""", true },
        { "* matches empty", "sel:\n    Image: 'antivirus_V*.exe'\ncondition: sel", """{"Image":"antivirus_V.exe"}""", true },
        { "values are case-insensitive", "sel:\n    Image: 'C:\\Windows\\System32\\whoami.exe'\ncondition: sel", """{"Image":"c:\\windows\\system32\\WHOAMI.EXE"}""", true },
        { "plain value is exact, not substring", "sel:\n    Image: 'whoami.exe'\ncondition: sel", """{"Image":"C:\\whoami.exe"}""", false },
        // Escape Character
        { "single backslash not before a wildcard is plain", "sel:\n    Path: 'C:\\Windows'\ncondition: sel", """{"Path":"C:\\Windows"}""", true },
        { "double backslash not before a wildcard is one backslash", "sel:\n    Path: 'C:\\\\Windows'\ncondition: sel", """{"Path":"C:\\Windows"}""", true },
        { "\\* is a literal star", "sel:\n    Cmd: 'a\\*b'\ncondition: sel", """{"Cmd":"a*b"}""", true },
        { "\\* does not act as wildcard", "sel:\n    Cmd: 'a\\*b'\ncondition: sel", """{"Cmd":"axyb"}""", false },
        { "\\? is a literal question mark", "sel:\n    Cmd: 'a\\?'\ncondition: sel", """{"Cmd":"a?"}""", true },
        { "\\? does not match any char", "sel:\n    Cmd: 'a\\?'\ncondition: sel", """{"Cmd":"ab"}""", false },
        { "\\\\* is backslash then wildcard", "sel:\n    Path: 'C:\\\\*'\ncondition: sel", """{"Path":"C:\\temp\\x"}""", true },
        { "\\\\\\* is backslash and star, both plain", "sel:\n    Path: 'C:\\\\\\*'\ncondition: sel", """{"Path":"C:\\*"}""", true },
        { "\\\\\\* does not wildcard", "sel:\n    Path: 'C:\\\\\\*'\ncondition: sel", """{"Path":"C:\\x"}""", false },
        { "four backslashes are two", "sel:\n    Path: 'a\\\\\\\\b'\ncondition: sel", """{"Path":"a\\\\b"}""", true },
        { "three backslashes are two", "sel:\n    Path: 'a\\\\\\b'\ncondition: sel", """{"Path":"a\\\\b"}""", true },
        { "contains after trailing backslash keeps the wildcard", "sel:\n    Path|contains: 'C:\\Temp\\'\ncondition: sel", """{"Path":"D:\\x\\C:\\Temp\\evil.exe"}""", true },
        { "startswith after trailing backslash keeps the wildcard", "sel:\n    Path|startswith: 'C:\\Temp\\'\ncondition: sel", """{"Path":"C:\\Temp\\evil.exe"}""", true },
        { "endswith literal backslash", "sel:\n    Path|endswith: '\\Temp\\'\ncondition: sel", """{"Path":"C:\\Temp\\"}""", true },
        // Lists and maps
        { "list of values is OR", "sel:\n    EventID:\n        - 517\n        - 1102\ncondition: sel", """{"EventID":1102}""", true },
        { "map is AND", "sel:\n    EventLog: Security\n    EventID: 4769\ncondition: sel", """{"EventLog":"Security","EventID":4770}""", false },
        { "map is AND (all hold)", "sel:\n    EventLog: Security\n    EventID: 4769\n    TicketOptions: '0x40810000'\ncondition: sel", """{"EventLog":"Security","EventID":4769,"TicketOptions":"0x40810000"}""", true },
        { "list of maps is OR", "sel:\n    - Image|endswith: '\\example.exe'\n    - Description|contains: 'Test executable'\ncondition: sel", """{"Image":"x.exe","Description":"A Test executable here"}""", true },
        { "list of maps: neither holds", "sel:\n    - Image|endswith: '\\example.exe'\n    - Description|contains: 'Test executable'\ncondition: sel", """{"Image":"x.exe","Description":"other"}""", false },
        { "number matches its JSON spelling", "sel:\n    EventID: 4688\ncondition: sel", """{"EventID":"4688"}""", true },
        { "absent field does not match", "sel:\n    Image: x\ncondition: sel", """{"Other":"x"}""", false },
        // Special field values
        { "empty value matches empty string", "sel:\n    FieldB: ''\ncondition: sel", """{"FieldB":""}""", true },
        { "empty value does not match text", "sel:\n    FieldB: ''\ncondition: sel", """{"FieldB":"x"}""", false },
        { "null matches an absent field", "sel:\n    EventID: 4738\nfilter:\n    PasswordLastSet: null\ncondition: sel and not filter", """{"EventID":4738}""", false },
        { "not null: field with a value", "sel:\n    EventID: 4738\nfilter:\n    PasswordLastSet: null\ncondition: sel and not filter", """{"EventID":4738,"PasswordLastSet":"2020-01-01"}""", true },
        { "null matches JSON null", "sel:\n    PasswordLastSet: null\ncondition: sel", """{"PasswordLastSet":null}""", true },
        { "empty or null via 1 of", "selection_main:\n    FieldA: something\nselection_empty1:\n    FieldB: ''\nselection_empty2:\n    FieldB: null\ncondition: selection_main and 1 of selection_empty*", """{"FieldA":"something"}""", true },
        // Field existence
        { "exists true with field", "sel:\n    EventID: 4738\n    PasswordLastSet|exists: true\ncondition: sel", """{"EventID":4738,"PasswordLastSet":""}""", true },
        { "exists true without field", "sel:\n    EventID: 4738\n    PasswordLastSet|exists: true\ncondition: sel", """{"EventID":4738}""", false },
        { "exists false without field", "sel:\n    PasswordLastSet|exists: false\ncondition: sel", """{"EventID":4738}""", true },
        // Keywords
        { "keyword list is OR over all values", "keywords:\n    - 'EVILSERVICE'\n    - 'svchost.exe -n evil'\ncondition: keywords", """{"Message":"started svchost.exe -n evil now"}""", true },
        { "keyword not present", "keywords:\n    - 'EVILSERVICE'\ncondition: keywords", """{"Message":"benign"}""", false },
        { "keywords with |all are AND", "keywords_cmdlet:\n    '|all':\n        - 'OabVirtualDirectory'\n        - ' -ExternalUrl '\ncondition: keywords_cmdlet", """{"a":"Set-OabVirtualDirectory","b":"x -ExternalUrl y"}""", true },
        { "keywords with |all need every one", "keywords_cmdlet:\n    '|all':\n        - 'OabVirtualDirectory'\n        - ' -ExternalUrl '\ncondition: keywords_cmdlet", """{"a":"Set-OabVirtualDirectory"}""", false },
    };

    public static TheoryData<string, string, string, bool> Modifiers() => new()
    {
        { "contains", "sel:\n    CommandLine|contains: 'mimikatz'\ncondition: sel", """{"CommandLine":"run MIMIKATZ.exe"}""", true },
        { "startswith", "sel:\n    Image|startswith: 'adm'\ncondition: sel", """{"Image":"admin.exe"}""", true },
        { "startswith is anchored", "sel:\n    Image|startswith: 'adm'\ncondition: sel", """{"Image":"xadmin.exe"}""", false },
        { "endswith", "sel:\n    Image|endswith: '\\cmd.exe'\ncondition: sel", """{"Image":"C:\\Windows\\cmd.exe"}""", true },
        { "endswith is anchored", "sel:\n    Image|endswith: '\\cmd.exe'\ncondition: sel", """{"Image":"C:\\Windows\\cmd.exe.bak"}""", false },
        { "all: every value", "sel:\n    CommandLine|contains|all:\n        - '-nop'\n        - '-w hidden'\ncondition: sel", """{"CommandLine":"powershell -w hidden -nop"}""", true },
        { "all: one missing", "sel:\n    CommandLine|contains|all:\n        - '-nop'\n        - '-w hidden'\ncondition: sel", """{"CommandLine":"powershell -nop"}""", false },
        { "cased: same case", "sel:\n    Cmd|cased: 'Secret'\ncondition: sel", """{"Cmd":"Secret"}""", true },
        { "cased: other case", "sel:\n    Cmd|cased: 'Secret'\ncondition: sel", """{"Cmd":"secret"}""", false },
        { "neq: different value", "sel:\n    User|neq: 'admin'\ncondition: sel", """{"User":"bob"}""", true },
        { "neq: same value", "sel:\n    User|neq: 'admin'\ncondition: sel", """{"User":"ADMIN"}""", false },
        { "windash: slash for dash", "sel:\n    CommandLine|windash|contains: ' -enc '\ncondition: sel", """{"CommandLine":"powershell /enc AAA"}""", true },
        { "windash: en dash", "sel:\n    CommandLine|windash|contains: ' -enc '\ncondition: sel", """{"CommandLine":"powershell \u2013enc AAA"}""", true },
        { "windash: other characters are not dashes", "sel:\n    CommandLine|windash|contains: ' -enc '\ncondition: sel", """{"CommandLine":"powershell +enc AAA"}""", false },
        { "windash: em dash and horizontal bar", "sel:\n    CommandLine|windash|contains: '-enc'\ncondition: sel", """{"CommandLine":"x \u2015enc"}""", true },
        { "re is unanchored", "sel:\n    CommandLine|re: 'mimi.atz'\ncondition: sel", """{"CommandLine":"run mimikatz now"}""", true },
        { "re is case-sensitive by default", "sel:\n    CommandLine|re: 'mimi.atz'\ncondition: sel", """{"CommandLine":"MIMIKATZ"}""", false },
        { "re|i ignores case", "sel:\n    CommandLine|re|i: 'mimi.atz'\ncondition: sel", """{"CommandLine":"MIMIKATZ"}""", true },
        { "re anchors respected", "sel:\n    CommandLine|re: '^cmd'\ncondition: sel", """{"CommandLine":"x cmd"}""", false },
        { "re|m: ^ at line start", "sel:\n    Script|re|m: '^Invoke-'\ncondition: sel", """{"Script":"a\nInvoke-Evil"}""", true },
        { "re without m: ^ only at start", "sel:\n    Script|re: '^Invoke-'\ncondition: sel", """{"Script":"a\nInvoke-Evil"}""", false },
        { "re|s: dot matches newline", "sel:\n    Script|re|s: 'a.b'\ncondition: sel", """{"Script":"a\nb"}""", true },
        { "re without s: dot stops at newline", "sel:\n    Script|re: 'a.b'\ncondition: sel", """{"Script":"a\nb"}""", false },
        { "base64", "sel:\n    Data|base64: 'cmd'\ncondition: sel", """{"Data":"Y21k"}""", true },
        { "base64|contains", "sel:\n    Data|base64|contains: 'cmd'\ncondition: sel", """{"Data":"xxY21kxx"}""", true },
        { "base64offset|contains, shift 0", "sel:\n    Data|base64offset|contains: 'http://'\ncondition: sel", """{"Data":"aHR0cDovL2V2aWw="}""", true },
        { "base64offset|contains, shift 1", "sel:\n    Data|base64offset|contains: 'http://'\ncondition: sel", """{"Data":"eGh0dHA6Ly9ldmls"}""", true },
        { "base64offset|contains, shift 2", "sel:\n    Data|base64offset|contains: 'http://'\ncondition: sel", """{"Data":"eHhodHRwOi8vZXZpbA=="}""", true },
        { "utf16le|base64offset|contains", "sel:\n    Data|utf16le|base64offset|contains: 'cmd'\ncondition: sel", """{"Data":"YwBtAGQA"}""", true },
        { "wide is utf16le", "sel:\n    Data|wide|base64offset|contains: 'cmd'\ncondition: sel", """{"Data":"YwBtAGQA"}""", true },
        { "utf16be|base64", "sel:\n    Data|utf16be|base64: 'cmd'\ncondition: sel", """{"Data":"AGMAbQBk"}""", true },
        { "utf16 prepends a BOM", "sel:\n    Data|utf16|base64: 'cmd'\ncondition: sel", """{"Data":"//5jAG0AZAA="}""", true },
        { "cidr IPv4 inside", "sel:\n    DestinationIp|cidr: 10.0.0.0/8\ncondition: sel", """{"DestinationIp":"10.20.30.40"}""", true },
        { "cidr IPv4 outside", "sel:\n    DestinationIp|cidr: 10.0.0.0/8\ncondition: sel", """{"DestinationIp":"11.0.0.1"}""", false },
        { "cidr IPv6 inside", "sel:\n    DestinationIp|cidr: 'fe80::/10'\ncondition: sel", """{"DestinationIp":"fe80::1"}""", true },
        { "cidr IPv6 outside", "sel:\n    DestinationIp|cidr: 'fe80::/10'\ncondition: sel", """{"DestinationIp":"2001:db8::1"}""", false },
        { "gt", "sel:\n    Count|gt: 10\ncondition: sel", """{"Count":11}""", true },
        { "gt is strict", "sel:\n    Count|gt: 10\ncondition: sel", """{"Count":10}""", false },
        { "gte", "sel:\n    Count|gte: 10\ncondition: sel", """{"Count":"10"}""", true },
        { "lt", "sel:\n    Count|lt: 10\ncondition: sel", """{"Count":9.5}""", true },
        { "lte", "sel:\n    Count|lte: 10\ncondition: sel", """{"Count":11}""", false },
        { "fieldref equal", "sel:\n    SourceUser|fieldref: TargetUser\ncondition: sel", """{"SourceUser":"Bob","TargetUser":"bob"}""", true },
        { "fieldref different", "sel:\n    SourceUser|fieldref: TargetUser\ncondition: sel", """{"SourceUser":"bob","TargetUser":"alice"}""", false },
        { "fieldref with neq", "sel:\n    SourceUser|fieldref|neq: TargetUser\ncondition: sel", """{"SourceUser":"bob","TargetUser":"alice"}""", true },
        { "hour", "sel:\n    Time|hour: 3\ncondition: sel", """{"Time":"2024-05-01T03:15:00Z"}""", true },
        { "hour|gte", "sel:\n    Time|hour|gte: 20\ncondition: sel", """{"Time":"2024-05-01T03:15:00Z"}""", false },
        { "month", "sel:\n    Time|month: 5\ncondition: sel", """{"Time":"2024-05-01T03:15:00Z"}""", true },
        { "expand without escape keeps literal percent", "sel:\n    Name: '%name%'\ncondition: sel", """{"Name":"%name%"}""", true },
    };

    public static TheoryData<string, string, string, bool> Conditions() => new()
    {
        { "or", "a:\n    A: 1\nb:\n    B: 1\ncondition: a or b", """{"B":1}""", true },
        { "and", "a:\n    A: 1\nb:\n    B: 1\ncondition: a and b", """{"B":1}""", false },
        { "not", "a:\n    A: 1\nb:\n    B: 1\ncondition: b and not a", """{"B":1}""", true },
        { "and binds tighter than or", "a:\n    A: 1\nb:\n    B: 1\nc:\n    C: 1\ncondition: a or b and c", """{"A":1}""", true },
        { "and binds tighter than or (2)", "a:\n    A: 1\nb:\n    B: 1\nc:\n    C: 1\ncondition: a or b and c", """{"B":1}""", false },
        { "not binds tighter than and", "a:\n    A: 1\nb:\n    B: 1\ncondition: not a and b", """{"A":1,"B":1}""", false },
        { "brackets", "a:\n    A: 1\nb:\n    B: 1\nc:\n    C: 1\ncondition: (a or b) and c", """{"B":1}""", false },
        { "brackets (2)", "a:\n    A: 1\nb:\n    B: 1\nc:\n    C: 1\ncondition: (a or b) and c", """{"B":1,"C":1}""", true },
        { "1 of pattern", "selection1:\n    A: 1\nselection2:\n    B: 1\ncondition: 1 of selection*", """{"B":1}""", true },
        { "all of pattern", "selection1:\n    A: 1\nselection2:\n    B: 1\ncondition: all of selection*", """{"B":1}""", false },
        { "all of pattern (all hold)", "selection1:\n    A: 1\nselection2:\n    B: 1\ncondition: all of selection*", """{"A":1,"B":1}""", true },
        { "1 of them", "a:\n    A: 1\nb:\n    B: 1\ncondition: 1 of them", """{"B":1}""", true },
        { "all of them skips underscore identifiers", "a:\n    A: 1\n_b:\n    B: 1\ncondition: all of them", """{"A":1}""", true },
        { "1 of them skips underscore identifiers", "a:\n    A: 1\n_b:\n    B: 1\ncondition: 1 of them", """{"B":1}""", false },
        { "1 of x and not 1 of y", "selection_a:\n    A: 1\nfilter_b:\n    B: 1\ncondition: 1 of selection* and not 1 of filter*", """{"A":1,"B":1}""", false },
        { "pattern with inner wildcard", "sel_x_main:\n    A: 1\ncondition: 1 of sel*main", """{"A":1}""", true },
        { "condition list is OR", "a:\n    A: 1\nb:\n    B: 1\ncondition:\n    - a\n    - b", """{"B":1}""", true },
        { "any of is 1 of", "sel1:\n    A: 1\nsel2:\n    B: 1\ncondition: any of sel*", """{"A":1}""", true },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Evaluate_SpecValueExample_MatchesAsSpecified(string example, string detection, string json, bool expected) =>
        Assert.True(expected == SigmaKit.Matches(detection, json), example);

    [Theory]
    [MemberData(nameof(Modifiers))]
    public void Evaluate_SpecModifierExample_MatchesAsSpecified(string example, string detection, string json, bool expected) =>
        Assert.True(expected == SigmaKit.Matches(detection, json), example);

    [Theory]
    [MemberData(nameof(Conditions))]
    public void Evaluate_SpecConditionExample_MatchesAsSpecified(string example, string detection, string json, bool expected) =>
        Assert.True(expected == SigmaKit.Matches(detection, json), example);

    [Fact]
    public void Evaluate_ExpandWithPlaceholderValues_MatchesAnyValue()
    {
        var pipeline = new SigmaPipeline
        {
            Name = "test",
            Placeholders = new Dictionary<string, IReadOnlyList<string>> { ["Servers"] = ["srv*", "dc01"] },
        };
        const string detection = "sel:\n    Host|expand: '%Servers%'\ncondition: sel";

        Assert.True(SigmaKit.Matches(detection, """{"Host":"SRV42"}""", pipeline));
        Assert.True(SigmaKit.Matches(detection, """{"Host":"dc01"}""", pipeline));
        Assert.False(SigmaKit.Matches(detection, """{"Host":"ws1"}""", pipeline));
    }

    [Fact]
    public void Evaluate_ExpandWithEscapedPercent_KeepsPlainPercent()
    {
        var pipeline = new SigmaPipeline
        {
            Name = "test",
            Placeholders = new Dictionary<string, IReadOnlyList<string>> { ["name"] = ["x"] },
        };

        Assert.True(SigmaKit.Matches("sel:\n    F|expand: '\\%plain%name%'\ncondition: sel", """{"F":"%plainx"}""", pipeline));
    }
}
