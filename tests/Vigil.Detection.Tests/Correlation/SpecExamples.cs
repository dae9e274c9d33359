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
}
