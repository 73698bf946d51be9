using System.Diagnostics.Metrics;

namespace LiveCommerce.Engagement;

/// <summary>The pipeline's instruments on the engine's meter <c>LiveCommerce</c>.</summary>
public sealed class EngagementMetrics
{
    /// <summary>The meter name every engine instrument uses.</summary>
    public const string MeterName = "LiveCommerce";

    /// <summary>Creates the instruments.</summary>
    /// <param name="meters">The host's meter factory; a standalone meter when null.</param>
    /// <param name="pending">Reads the events waiting in the buffer.</param>
    public EngagementMetrics(IMeterFactory? meters, Func<long> pending)
    {
        var meter = meters?.Create(MeterName) ?? new Meter(MeterName);
        Recorded = meter.CreateCounter<long>("livecommerce.engagement.recorded", "{event}", "Engagement events accepted into the buffer.");
        Dropped = meter.CreateCounter<long>("livecommerce.engagement.dropped", "{event}", "Engagement events dropped: the buffer was full, they were still buffered at shutdown, or the store refused them (poison).");
        Poisoned = meter.CreateCounter<long>("livecommerce.engagement.poisoned", "{event}", "Engagement events the store refused on their own while it took others: dropped, not retried (also counted in dropped).");
        Written = meter.CreateCounter<long>("livecommerce.engagement.written", "{event}", "Engagement events written to the store.");
        WriteFailures = meter.CreateCounter<long>("livecommerce.engagement.write_failures", "{attempt}", "Failed batch writes (each is retried).");
        meter.CreateObservableGauge("livecommerce.engagement.buffered", pending, "{event}", "Engagement events waiting in the buffer.");
    }

    /// <summary>Events accepted.</summary>
    public Counter<long> Recorded { get; }

    /// <summary>Events dropped.</summary>
    public Counter<long> Dropped { get; }

    /// <summary>Poison events dropped.</summary>
    public Counter<long> Poisoned { get; }

    /// <summary>Events written.</summary>
    public Counter<long> Written { get; }

    /// <summary>Failed batch writes.</summary>
    public Counter<long> WriteFailures { get; }
}
