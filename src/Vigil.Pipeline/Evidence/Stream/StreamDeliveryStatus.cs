namespace Vigil.Pipeline.Evidence.Stream;

public enum StreamDeliveryStatus
{
    /// <summary>The receiver acknowledged the batch (2xx) and its cursors moved on.</summary>
    Delivered,

    /// <summary>Nothing new for this receiver.</summary>
    UpToDate,

    /// <summary>Another node holds the receiver's lease, or its back-off has not passed.</summary>
    Busy,

    /// <summary>The receiver refused or could not be reached; the batch will be sent again after the back-off.</summary>
    Failed,
}
