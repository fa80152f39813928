namespace EcsWorkshop;

/// <summary>Where a workshop session's steps run.</summary>
public enum WorkshopMode
{
    /// <summary>The local simulator: no AWS account, no cost (the default).</summary>
    Simulator,

    /// <summary>
    /// A real AWS account: billable; only when asked for, with <see cref="Workshop.ConnectToAwsAsync(string?, string?, CancellationToken)"/>
    /// or with <c>ECS_WORKSHOP_MODE=aws</c> for <see cref="Workshop.StartAsync(CancellationToken)"/>.
    /// </summary>
    Aws,
}
