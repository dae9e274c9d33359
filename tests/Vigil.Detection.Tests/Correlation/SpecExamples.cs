namespace Vigil.Detection.Tests.Correlation;

/// <summary>Correlation rules from the examples of the Sigma correlation rules specification 2.1.0, with tags added.</summary>
internal static class SpecExamples
{
    public const string FailedLoginRule = "5638f7c0-ac70-491d-8465-2a65075e0d86";

    /// <summary>Spec "Event Count (event_count)".</summary>
    public const string ManyFailedLogins = """
        title: Many failed logins
        id: 0e95725d-7320-415d-80f7-004da920fc11
        level: high
        author: Vigil tests
        tags:
            - attack.credential-access
            - attack.t1110
        correlation:
            type: event_count
            rules:
                - 5638f7c0-ac70-491d-8465-2a65075e0d86
            group-by:
                - ComputerName
            timespan: 1h
            condition:
                gte: 100
        """;

    /// <summary>Spec "Example: Failed Logins Followed by Successful Login": one multi-document file, chained.</summary>
    public const string BruteForce = """
        title: Correlation - Multiple Failed Logins Followed by Successful Login
        id: b180ead8-d58f-40b2-ae54-c8940995b9b6
        status: experimental
        author: Florian Roth (Nextron Systems)
        correlation:
            type: temporal_ordered
            rules:
                - multiple_failed_login
                - successful_login
            group-by:
                - User
            timespan: 10m
        level: high
        ---
        title: Multiple failed logons
        id: a8418a5a-5fc4-46b5-b23b-6c73beb19d41
        name: multiple_failed_login
        correlation:
            type: event_count
            rules:
                - failed_login
            group-by:
                - User
            timespan: 10m
            condition:
                gte: 10
        ---
        title: Single failed login
        id: 53ba33fd-3a50-4468-a5ef-c583635cfa92
        name: failed_login
        logsource:
            product: windows
            service: security
        detection:
            selection:
                EventID:
                    - 529
                    - 4625
            condition: selection
        ---
        title: Successful login
        id: 4d0a2c83-c62c-4ed4-b475-c7e23a9269b8
        name: successful_login
        logsource:
            product: windows
            service: security
        detection:
            selection:
                EventID:
                    - 528
                    - 4624
            condition: selection
        """;
}
