namespace LiveCommerce.Contracts.Video;

/// <summary>One moment of a replay's product timeline.</summary>
[GenerateSerializer, Immutable, Alias("lc.ReplayMoment")]
public sealed record ReplayMoment
{
    /// <summary>Seconds from the start of the recorded video (millisecond precision).</summary>
    [Id(0)] public required double OffsetSeconds { get; init; }

    /// <summary>What happened (<see cref="TimelineKinds"/>).</summary>
    [Id(1)] public required string Kind { get; init; }

    /// <summary>The product it concerns.</summary>
    [Id(2)] public required string ProductId { get; init; }

    /// <summary>When it happened (wall clock).</summary>
    [Id(3)] public DateTimeOffset At { get; init; }
}
