namespace LiveCommerce.Engagement;

/// <summary>Settings of the engagement pipeline and stores (configuration section <c>Engagement</c>).</summary>
public sealed class EngagementOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Engagement";

    /// <summary>Events the in-memory buffer holds before new ones are dropped (and counted). Default 200,000.</summary>
    public int BufferCapacity { get; set; } = 200_000;

    /// <summary>Events per batch written to the store. Default 1,000.</summary>
    public int BatchSize { get; set; } = 1_000;

    /// <summary>How long the pipeline waits for a batch to fill before writing what it has. Default 200 ms.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>First wait before retrying a failed write; doubles per failure. Default 100 ms.</summary>
    public TimeSpan RetryInitialDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Longest wait between retries of a failed write. Default 5 s.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Failed writes of one batch in a row after which the pipeline asks whether the store is up at all, by writing
    /// an empty batch. When the store takes the empty batch, the failing batch itself is at fault: it is written again
    /// event by event, and an event the store still refuses (a poison event) is dropped, counted in
    /// <c>livecommerce.engagement.poisoned</c> and logged. When the store is down, the batch is kept and retried.
    /// Default 3.
    /// </summary>
    public int PoisonAfterFailures { get; set; } = 3;

    /// <summary>How long shutdown waits for the buffer to drain into the store. Default 10 s.</summary>
    public TimeSpan ShutdownDrainTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Width of one trend bucket. Default 1 day.</summary>
    public TimeSpan TrendBucket { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Buckets in the recent trend window, the current one included. Default 7 (a week).</summary>
    public int TrendRecentBuckets { get; set; } = 7;

    /// <summary>Buckets in the prior window before it. Default 28 (four weeks).</summary>
    public int TrendPriorBuckets { get; set; } = 28;

    /// <summary>Half-life of a viewer's affinity scores. Default 14 days.</summary>
    public TimeSpan AffinityHalfLife { get; set; } = TimeSpan.FromDays(14);

    /// <summary>A viewer's affinities expire this long after their last engagement. Default 90 days.</summary>
    public TimeSpan AffinityTtl { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Affinity weight of opening a product card. Default 1.</summary>
    public double ClickWeight { get; set; } = 1;

    /// <summary>Affinity weight of an add-to-cart. Default 3.</summary>
    public double AddToCartWeight { get; set; } = 3;

    /// <summary>Affinity weight of a purchase. Default 5.</summary>
    public double PurchaseWeight { get; set; } = 5;

    /// <summary>Decayed scores below this are forgotten. Default 0.05.</summary>
    public double AffinityFloor { get; set; } = 0.05;

    /// <summary>
    /// Prefix of every Redis key. Default empty: <c>AddLiveEngagement</c> then uses <c>livecommerce:{serviceId}:eng:</c>,
    /// so several deployments (or test clusters) can share a Redis.
    /// </summary>
    public string KeyPrefix { get; set; } = string.Empty;

    /// <summary>Checks the settings; throws when one is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(BufferCapacity, 1, nameof(BufferCapacity));
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize, 1, nameof(BatchSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(PoisonAfterFailures, 1, nameof(PoisonAfterFailures));
        ArgumentOutOfRangeException.ThrowIfLessThan(TrendRecentBuckets, 1, nameof(TrendRecentBuckets));
        ArgumentOutOfRangeException.ThrowIfNegative(TrendPriorBuckets, nameof(TrendPriorBuckets));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(FlushInterval, TimeSpan.Zero, nameof(FlushInterval));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RetryInitialDelay, TimeSpan.Zero, nameof(RetryInitialDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(RetryMaxDelay, RetryInitialDelay, nameof(RetryMaxDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(TrendBucket, TimeSpan.FromMinutes(1), nameof(TrendBucket));
        ArgumentOutOfRangeException.ThrowIfLessThan(AffinityHalfLife, TimeSpan.FromMinutes(1), nameof(AffinityHalfLife));
        ArgumentOutOfRangeException.ThrowIfLessThan(AffinityTtl, TimeSpan.FromMinutes(1), nameof(AffinityTtl));
        ArgumentOutOfRangeException.ThrowIfNegative(ClickWeight, nameof(ClickWeight));
        ArgumentOutOfRangeException.ThrowIfNegative(AddToCartWeight, nameof(AddToCartWeight));
        ArgumentOutOfRangeException.ThrowIfNegative(PurchaseWeight, nameof(PurchaseWeight));
        ArgumentOutOfRangeException.ThrowIfNegative(AffinityFloor, nameof(AffinityFloor));
    }
}
